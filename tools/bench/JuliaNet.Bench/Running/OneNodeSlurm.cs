using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using CliWrap;
using CliWrap.Buffered;

namespace JuliaNet.Bench.Running;

/// <summary>
/// A real one-node SLURM cluster on the loopback address, in a directory of the caller's:
/// MUNGE's daemon with a key of its own, SLURM's controller (slurmctld) and node daemon
/// (slurmd), one configuration (slurm.conf) and all their state, spool, logs and sockets in
/// that directory. The node offers <see cref="Cpus"/> task slots whatever the machine has (the
/// configured CPUs override the hardware's). No cgroup plugins: processes are tracked by /proc
/// (proctrack/linuxproc), tasks get no binding (task/none). Client commands (srun, sbatch,
/// squeue) reach it through <see cref="Environment"/> (SLURM_CONF). On dispose every job is
/// cancelled and the three daemons are stopped. Used by the benchmark's cluster figure and by
/// the integration tests' SLURM specs.
/// </summary>
public sealed class OneNodeSlurm : IDisposable
{
    public const int Cpus = 32;

    /// <summary>The daemons this needs (Debian's slurmctld, slurmd and munge packages; tools/install-test-tools.sh installs them).</summary>
    public static readonly IReadOnlyList<string> Daemons = ["/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd"];

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan ClientLimit = TimeSpan.FromSeconds(30);

    private readonly List<Process> daemons = [];

    /// <param name="dir">An empty directory for the cluster's files.</param>
    public OneNodeSlurm(string dir)
    {
        if (Daemons.FirstOrDefault(d => !File.Exists(d)) is { } missing)
        {
            throw new BenchError($"{missing} not found: install SLURM and MUNGE (bash tools/install-test-tools.sh)");
        }

        if (OperatingSystem.IsWindows())
        {
            throw new BenchError("a SLURM cluster needs Linux");
        }

        Dir = dir;
        try
        {
            StartDaemons();
        }
        catch
        {
            StopDaemons();
            throw;
        }
    }

    /// <summary>Whether this machine has the daemons a cluster needs.</summary>
    public static bool Installed => Daemons.All(File.Exists);

    public string Dir { get; }

    public string Conf => In("slurm.conf");

    /// <summary>What client commands (srun, sbatch, squeue) need to reach this cluster.</summary>
    public Dictionary<string, string?> Environment => new() { ["SLURM_CONF"] = Conf };

    public string In(string name) => Path.Combine(Dir, name);

    /// <summary>A SLURM client command (sinfo, squeue, scancel, ...) against this cluster, its output buffered, within <paramref name="limit"/> (default 30 s).</summary>
    public BufferedCommandResult Client(string command, IEnumerable<string> args, TimeSpan? limit = null)
    {
        using var cancel = new CancellationTokenSource(limit ?? ClientLimit);
        return Cli.Wrap(command).WithArguments(args).WithEnvironmentVariables(Environment)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cancel.Token).GetAwaiter().GetResult();
    }

    public void Dispose()
    {
        try
        {
            // Jobs first: their steps' processes (slurmstepd and the tasks) are not the daemons' children.
            Client("scancel", [$"--user={System.Environment.UserName}"]);
            var watch = Stopwatch.StartNew();
            while (Client("squeue", ["--noheader"]).StandardOutput.Trim().Length > 0 && watch.Elapsed < ClientLimit)
            {
                Thread.Sleep(200);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or System.ComponentModel.Win32Exception)
        {
            // A controller that no longer answers: stopping the daemons is all that is left.
        }
        finally
        {
            StopDaemons();
        }
    }

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private void StartDaemons()
    {
        var key = In("munge.key");
        File.WriteAllBytes(key, RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var socket = In("munge.socket");
        // -f: munged refuses a socket whose directories are not searchable by all (a private
        // temporary directory is 0700); the clients here all run as this user.
        Start("/usr/sbin/munged", ["-F", "-f", $"--key-file={key}", $"--socket={socket}", $"--pid-file={In("munged.pid")}", $"--log-file={In("munged.log")}", $"--seed-file={In("munged.seed")}"]);
        WaitFor(() => File.Exists(socket), "munged's socket", In("munged.log"));

        var host = System.Environment.MachineName.Split('.')[0];
        Directory.CreateDirectory(In("state"));
        Directory.CreateDirectory(In("spool"));
        var user = System.Environment.UserName;
        File.WriteAllLines(Conf,
        [
            "ClusterName=julianet",
            $"SlurmctldHost={host}(127.0.0.1)",
            $"SlurmctldPort={FreePort().ToString(CultureInfo.InvariantCulture)}",
            $"SlurmdPort={FreePort().ToString(CultureInfo.InvariantCulture)}",
            "AuthType=auth/munge",
            "CredType=cred/munge",
            $"AuthInfo=socket={socket}",
            $"SlurmUser={user}",
            $"SlurmdUser={user}",
            $"StateSaveLocation={In("state")}",
            $"SlurmdSpoolDir={In("spool")}",
            $"SlurmctldPidFile={In("slurmctld.pid")}",
            $"SlurmdPidFile={In("slurmd.pid")}",
            $"SlurmctldLogFile={In("slurmctld.log")}",
            $"SlurmdLogFile={In("slurmd.log")}",
            "MailProg=/bin/true",
            "ProctrackType=proctrack/linuxproc",
            "TaskPlugin=task/none",
            "JobAcctGatherType=jobacct_gather/none",
            "AccountingStorageType=accounting_storage/none",
            "SwitchType=switch/none",
            "MpiDefault=none",
            "SelectType=select/cons_tres",
            "SelectTypeParameters=CR_CPU",
            "SlurmdParameters=config_overrides",
            "ReturnToService=2",
            $"NodeName={host} NodeAddr=127.0.0.1 CPUs={Cpus.ToString(CultureInfo.InvariantCulture)} State=UNKNOWN",
            $"PartitionName=main Nodes={host} Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES",
        ]);
        Start("/usr/sbin/slurmctld", ["-D", "-i", "-f", Conf]);
        Start("/usr/sbin/slurmd", ["-D", "-f", Conf, "-N", host]);
        WaitFor(() => Client("sinfo", ["--noheader", "--format=%T"]).StandardOutput.Trim() == "idle", "the node to be idle", In("slurmd.log"));
    }

    private void StopDaemons()
    {
        foreach (var daemon in Enumerable.Reverse(daemons))
        {
            Stop(daemon);
        }

        daemons.Clear();
    }

    private static void Stop(Process daemon)
    {
        if (!daemon.HasExited)
        {
            using (var kill = Process.Start("kill", ["-TERM", daemon.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                kill.WaitForExit();
            }

            if (!daemon.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                daemon.Kill(entireProcessTree: true);
                daemon.WaitForExit();
            }
        }

        daemon.Dispose();
    }

    private void Start(string program, string[] args)
    {
        // The daemons log to their files; what they print in the foreground is dropped.
        var start = new ProcessStartInfo(program, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        daemons.Add(process);
    }

    private void WaitFor(Func<bool> ready, string what, string log)
    {
        var watch = Stopwatch.StartNew();
        while (!ready())
        {
            if (daemons.FirstOrDefault(d => d.HasExited) is { } exited)
            {
                throw new BenchError($"{exited.StartInfo.FileName} exited with {exited.ExitCode} while waiting for {what}: {Tail(log)}");
            }

            if (watch.Elapsed > StartLimit)
            {
                throw new BenchError($"no {what} within {StartLimit.TotalSeconds} s: {Tail(log)}");
            }

            Thread.Sleep(100);
        }
    }

    private static string Tail(string log) =>
        File.Exists(log) ? string.Join('\n', File.ReadLines(log).TakeLast(20)) : $"({log} not written)";

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
