using System.Diagnostics;
using CliWrap.Buffered;
using JuliaNet.Bench.Running;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// The test's own one-node SLURM cluster (<see cref="OneNodeSlurm"/>, which the benchmark's
/// cluster figure also starts) in a temporary directory, with the client calls the specs make
/// through the test tools' runner. On dispose every job is cancelled and the daemons are stopped.
/// </summary>
internal sealed class SlurmCluster : IDisposable
{
    private readonly Tools tools;
    private readonly OneNodeSlurm slurm;

    public SlurmCluster(Tools tools)
    {
        this.tools = tools;
        slurm = new OneNodeSlurm(tools.NewDir("slurm"));
    }

    public string Dir => slurm.Dir;

    public string Conf => slurm.Conf;

    /// <summary>What client commands (srun, sbatch, squeue) need to reach this cluster.</summary>
    public Dictionary<string, string?> Environment => slurm.Environment;

    /// <summary>A SLURM client command against this cluster.</summary>
    public BufferedCommandResult Client(string command, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? env = null, TimeSpan? timeLimit = null) =>
        tools.Run(command, args, new Dictionary<string, string?>(Environment.Concat(env ?? new Dictionary<string, string?>())), timeLimit: timeLimit ?? TimeSpan.FromSeconds(30));

    public string In(string name) => slurm.In(name);

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

    public void Dispose() => slurm.Dispose();
}
