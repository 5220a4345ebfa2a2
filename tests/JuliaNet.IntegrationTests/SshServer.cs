using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// A real OpenSSH server of the test's own on the loopback address: its own host key, one
/// client key authorised for the current user, no password, and the environment given to
/// every session (sshd's SetEnv). Stopped and removed on dispose.
/// </summary>
internal sealed class SshServer : IDisposable
{
    private const string Sshd = "/usr/sbin/sshd";

    private readonly Process process;

    public SshServer(Tools tools, IReadOnlyDictionary<string, string> sessionEnvironment)
    {
        Assert.True(File.Exists(Sshd), $"{Sshd} not found: install the test tools (bash tools/install-test-tools.sh)");
        Dir = tools.NewDir("sshd");
        foreach (var (key, type) in new[] { ("host_key", "ed25519"), ("client_key", "ed25519") })
        {
            var keygen = tools.Run("ssh-keygen", ["-q", "-t", type, "-N", "", "-f", Path.Combine(Dir, key)]);
            Assert.True(keygen.ExitCode == 0, keygen.StandardError);
        }

        File.Copy(Path.Combine(Dir, "client_key.pub"), Path.Combine(Dir, "authorized_keys"));
        Directory.CreateDirectory("/run/sshd"); // sshd's privilege separation directory
        Port = FreePort();
        var config = Path.Combine(Dir, "sshd_config");
        File.WriteAllLines(config,
        [
            $"Port {Port.ToString(CultureInfo.InvariantCulture)}",
            "ListenAddress 127.0.0.1",
            $"HostKey {Path.Combine(Dir, "host_key")}",
            $"AuthorizedKeysFile {Path.Combine(Dir, "authorized_keys")}",
            $"PidFile {Path.Combine(Dir, "sshd.pid")}",
            "PasswordAuthentication no",
            "KbdInteractiveAuthentication no",
            "PubkeyAuthentication yes",
            "PermitRootLogin prohibit-password",
            "StrictModes no",
            "UsePAM no",
            .. sessionEnvironment.Select(kv => $"SetEnv {kv.Key}={kv.Value}"),
        ]);
        process = Process.Start(new ProcessStartInfo(Sshd, ["-D", "-E", Log, "-f", config]))!;
        WaitUntilListening();
    }

    public string Dir { get; }

    public int Port { get; }

    public string ClientKey => Path.Combine(Dir, "client_key");

    /// <summary>sshd's own log (-E).</summary>
    public string Log => Path.Combine(Dir, "sshd.log");

    /// <summary>Options for <c>ssh</c> (Distributed's <c>sshflags</c>) to reach this server non-interactively.</summary>
    public string[] SshFlags =>
        ["-p", Port.ToString(CultureInfo.InvariantCulture), "-i", ClientKey, "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes", "-o", "LogLevel=ERROR"];

    public void Dispose()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void WaitUntilListening()
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromSeconds(20))
        {
            if (process.HasExited)
            {
                Assert.Fail($"sshd exited with {process.ExitCode}: {File.ReadAllText(Log)}");
            }

            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, Port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        Assert.Fail($"sshd did not listen on port {Port} within 20 s");
    }
}
