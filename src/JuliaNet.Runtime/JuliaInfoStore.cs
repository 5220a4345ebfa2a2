using System.Text;
using CliWrap;
using CliWrap.Buffered;
using JuliaNet.Errors;
using JuliaNet.Julia;
using JuliaNet.Paths;
using Serilog;

namespace JuliaNet.Runtime;

/// <summary>
/// What a Julia binary reports of itself (probe.jl), learned by running it once and cached in
/// a file per binary (keyed by resolved path, checked against size and modification time), so
/// that steady-state launches and up-to-date builds start no extra Julia process. julia-net
/// and julia-sysimage share the cache.
/// </summary>
public sealed class JuliaInfoStore(string cacheRoot, IReadOnlyDictionary<string, string> environment, ILogger log)
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(120);

    public JuliaInfo Get(string julia)
    {
        var real = RealFileProbe.Instance.RealPath(julia);
        var (size, ticks) = Identity(real);
        var cacheFile = CacheLayout.JuliaInfoFile(cacheRoot, real);
        if (ReadCached(cacheFile) is { } cached && cached.Describes(real, size, ticks))
        {
            log.Debug("julia info from cache {CacheFile}: {@Info}", cacheFile, cached.Info);
            return cached.Info;
        }

        var info = Probe(julia);
        Write(cacheFile, new JuliaInfoRecord(real, size, ticks, info));
        return info;
    }

    /// <summary>The binary's size and modification time (as <see cref="DateTime"/> ticks, UTC): one statx on Linux.</summary>
    private static (long Size, long Ticks) Identity(string real)
    {
        if (FileStatus.Stamp(real) is { IsDirectory: false } stamp)
        {
            return (stamp.Size, DateTime.UnixEpoch.Ticks + (stamp.Modified / 100));
        }

        var file = new FileInfo(real);
        return (file.Length, file.LastWriteTimeUtc.Ticks);
    }

    private JuliaInfo Probe(string julia)
    {
        log.Debug("probing {Julia}", julia);
        var env = environment.ToDictionary(kv => kv.Key, kv => (string?)kv.Value, StringComparer.Ordinal);
        foreach (var name in JuliaEnvironment.Loading)
        {
            env[name] = null;
        }
        BufferedCommandResult result;
        try
        {
            using var timeout = new CancellationTokenSource(ProbeTimeout);
            result = Cli.Wrap(julia)
                .WithArguments(["--startup-file=no", "--history-file=no", "-e", EmbeddedJulia.Read("keyvalue.jl") + "\n" + EmbeddedJulia.Read("probe.jl")])
                .WithEnvironmentVariables(env)
                .WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(Encoding.UTF8, timeout.Token)
                .GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is OperationCanceledException)
        {
            throw new UserError(ExitCode.JuliaNotUsable, $"julia {julia} did not answer within {ProbeTimeout.TotalSeconds:0} s");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or IOException or UnauthorizedAccessException)
        {
            throw new UserError(ExitCode.JuliaNotUsable, $"julia {julia} could not be started: {e.Message}");
        }

        if (result.ExitCode != 0)
        {
            var last = result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim() ?? "";
            throw new UserError(ExitCode.JuliaNotUsable, $"julia {julia} failed with exit code {result.ExitCode}: {last}");
        }

        return JuliaProbeOutput.Parse(result.StandardOutput)
            ?? throw new UserError(ExitCode.JuliaNotUsable, $"julia {julia} did not report a Julia version and system image; is it really Julia?");
    }

    private static JuliaInfoRecord? ReadCached(string cacheFile)
    {
        try
        {
            return File.Exists(cacheFile) ? JuliaInfoRecord.Parse(File.ReadAllText(cacheFile)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private void Write(string cacheFile, JuliaInfoRecord record)
    {
        try
        {
            PrivateDirectory.Create(Path.GetDirectoryName(cacheFile)!);
            AtomicFile.WriteAllText(cacheFile, record.Format());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            log.Debug("could not cache julia info in {CacheFile}: {Error}", cacheFile, e.Message);
        }
    }
}
