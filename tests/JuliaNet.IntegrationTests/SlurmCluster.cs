using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using CliWrap.Buffered;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// A real one-node SLURM cluster of the test's own on the loopback address: MUNGE's daemon
/// with a key of its own, SLURM's controller (slurmctld) and node daemon (slurmd), one
/// configuration (slurm.conf) and all their state, spool, logs and sockets in a temporary
/// directory. The node offers <see cref="Cpus"/> task slots whatever the machine has (the
/// configured CPUs override the hardware's). No cgroup plugins: processes are tracked by
/// /proc (proctrack/linuxproc), tasks get no binding (task/none). Client commands (srun,
/// sbatch, squeue) reach it through <see cref="Environment"/> (SLURM_CONF). On dispose every
/// job is cancelled and the three daemons are stopped.
/// </summary>
internal sealed class SlurmCluster : IDisposable
{
    public const int Cpus = 32;

    private static readonly TimeSpan StartLimit = TimeSpan.FromSeconds(30);

    private readonly Tools tools;
    private readonly List<Process> daemons = [];

    public SlurmCluster(Tools tools)
    {
        this.tools = tools;
        foreach (var daemon in new[] { "/usr/sbin/munged", "/usr/sbin/slurmctld", "/usr/sbin/slurmd" })
        {
            Assert.True(File.Exists(daemon), $"{daemon} not found: install the test tools (bash tools/install-test-tools.sh)");
        }

        Dir = tools.NewDir("slurm");
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

    public string Dir { get; }

    public string Conf => In("slurm.conf");

    /// <summary>What client commands (srun, sbatch, squeue) need to reach this cluster.</summary>
    public Dictionary<string, string?> Environment => new() { ["SLURM_CONF"] = Conf };

    /// <summary>A SLURM client command against this cluster.</summary>
    public BufferedCommandResult Client(string command, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, TimeSpan? timeLimit = null) =>
        tools.Run(command, args, new Dictionary<string, string?>(Environment.Concat(env ?? new Dictionary<string, string?>())), timeLimit: timeLimit ?? TimeSpan.FromSeconds(30));

    public string In(string name) => Path.Combine(Dir, name);

    /// <summary>
    /// Submits a batch job (sbatch with these arguments) and waits for it to end, asking the
    /// controller every quarter second (sbatch --wait asks every 30 s or so): its final state
    /// and exit code as <c>scontrol</c> shows them, e.g. <c>COMPLETED 0:0</c>. A job still
    /// running after <paramref name="limit"/> is cancelled and fails the test.
    /// </summary>
    public string RunBatchJob(IEnumerable<string> sbatchArgs, IReadOnlyDictionary<string, string?> env, TimeSpan limit)
    {
        var submit = Client("sbatch", ["--parsable", .. sbatchArgs], env);
        Assert.True(submit.ExitCode == 0, submit.StandardError);
        var job = submit.StandardOutput.Trim().Split(';')[0];
        var watch = Stopwatch.StartNew();
        while (true)
        {
            var fields = Client("scontrol", ["--oneliner", "show", "job", job]).StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(f => f.Split('=', 2)).Where(kv => kv.Length == 2).ToDictionary(kv => kv[0], kv => kv[1].Trim());
            var state = fields.GetValueOrDefault("JobState", "");
            if (state is not ("" or "PENDING" or "CONFIGURING" or "RUNNING" or "COMPLETING"))
            {
                return $"{state} {fields.GetValueOrDefault("ExitCode")}";
            }

            if (watch.Elapsed > limit)
            {
                Client("scancel", [job]);
                Assert.Fail($"batch job {job} still {state} after {limit.TotalSeconds} s; cancelled");
            }

            Thread.Sleep(250);
        }
    }

    public void Dispose()
    {
        try
        {
            // Jobs first: their steps' processes (slurmstepd and the tasks) are not the daemons' children.
            Client("scancel", [$"--user={System.Environment.UserName}"]);
            var watch = Stopwatch.StartNew();
            while (Client("squeue", ["--noheader"]).StandardOutput.Trim().Length > 0 && watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                Thread.Sleep(200);
            }
        }
        finally
        {
            StopDaemons();
        }
    }

    private void StartDaemons()
    {
        var key = Path.Combine(Dir, "munge.key");
        File.WriteAllBytes(key, RandomNumberGenerator.GetBytes(1024));
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        var socket = Path.Combine(Dir, "munge.socket");
        // -f: munged refuses a socket whose directories are not searchable by all (the test
        // root is private, 0700); the clients here all run as this user.
        Start("/usr/sbin/munged", ["-F", "-f", $"--key-file={key}", $"--socket={socket}", $"--pid-file={In("munged.pid")}", $"--log-file={In("munged.log")}", $"--seed-file={In("munged.seed")}"]);
        WaitFor(() => File.Exists(socket), "munged's socket", In("munged.log"));

        var host = System.Environment.MachineName.Split('.')[0];
        Directory.CreateDirectory(In("state"));
        Directory.CreateDirectory(In("spool"));
        var user = System.Environment.UserName;
        File.WriteAllLines(Conf,
        [
            "ClusterName=julianettest",
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
            $"PartitionName=test Nodes={host} Default=YES MaxTime=INFINITE State=UP OverSubscribe=YES",
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
    }

    private static void Stop(Process daemon)
    {
        if (!daemon.HasExited)
        {
            ProcessTree.Kill("TERM", daemon.Id);
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
                Assert.Fail($"{exited.StartInfo.FileName} exited with {exited.ExitCode} while waiting for {what}: {Tail(log)}");
            }

            if (watch.Elapsed > StartLimit)
            {
                Assert.Fail($"no {what} within {StartLimit.TotalSeconds} s: {Tail(log)}");
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
