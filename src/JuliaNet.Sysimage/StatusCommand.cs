using JuliaNet.Building;
using JuliaNet.Errors;
using JuliaNet.Images;
using JuliaNet.Learning;
using JuliaNet.Paths;
using JuliaNet.Processes;
using JuliaNet.Runtime;

namespace JuliaNet.Sysimage;

/// <summary>
/// <c>julia-sysimage status</c>: reads an image's metadata (the given IMAGE, else the project
/// image of the project and Julia a build would use), the project's manifest now and the stamps
/// of the watched inputs; hashes the image when its metadata records a digest; prints the
/// report; exits 0 when up to date, 80 when not. An image julia-net would refuse exits 66, one
/// whose bytes differ from the recorded digest 85, each with one line and no report.
/// </summary>
internal static class StatusCommand
{
    public static ExitCode Run(string? image, string? project, string? julia, bool json)
    {
        var process = ThisProcess.Read();
        var store = new JuliaInfoStore(CacheLayout.Root(process), process.Environment, Serilog.Core.Logger.None);
        var planner = new BuildPlanner(RealFileProbe.Instance, store.Get);
        var path = image is not null
            ? Path.GetFullPath(image, process.WorkingDirectory)
            : planner.ProjectImage(project, julia, process)
                ?? throw new UserError(ExitCode.Usage, "no IMAGE and no project: give IMAGE, or --project DIR for the project's own image");
        if (!File.Exists(path))
        {
            throw new UserError(ExitCode.ImageNotFound, image is null ? $"the project has no image for this Julia: {path} (build it with julia-sysimage without OUTPUT)" : $"system image not found: {path}");
        }

        ImageFile.Validate(path, RealFileProbe.Instance);
        var metadataPath = new ImageFiles(path).Metadata;
        if (!File.Exists(metadataPath))
        {
            throw new UserError(ExitCode.ImageNotFound, $"{path} has no metadata ({metadataPath}): status reads what julia-sysimage records of a build");
        }

        var metadata = ImageMetadataReader.Parse(File.ReadAllText(metadataPath), metadataPath);
        var content = ImageContentCheck.Of(metadata.ImageSha256, () => FileDigest.Sha256(path, RealFileProbe.Instance)
            ?? throw new UserError(ExitCode.ImageUnusable, $"system image is not readable: {path}"));
        if (content == ImageContent.Damaged)
        {
            throw ImageContentCheck.Damaged(path, metadata.Rebuild);
        }

        var built = metadata.Project is { } dir && Directory.Exists(dir) ? ProjectNow(planner, dir) : null;
        IReadOnlyList<ProjectPackage>? manifest = built is null ? null
            : PackageSelection.OwnPackage(built, RealFileProbe.Instance) is { } own ? [.. built.Manifest, own] : built.Manifest;
        var status = ImageStatus.Of(path, metadata, manifest, RealFileProbe.Instance, RebuildRecordOf(path), BuildLock.IsHeld(path), content) with
        {
            Learned = Learned(path, process),
        };
        Console.Out.Write(json ? status.Json() : status.Text());
        return status.UpToDate ? ExitCode.Success : ExitCode.ImageStale;
    }

    /// <summary>What the project's runs taught, when its image has a learned store.</summary>
    private static LearnedSummary? Learned(string image, ProcessFacts process)
    {
        var store = new ImageFiles(image).Learned;
        if (!Directory.Exists(store.Directory))
        {
            return null;
        }

        var settings = LearnedStoreFiles.Settings(process);
        var (runs, bytes) = LearnedStoreFiles.PendingRuns(store);
        return new LearnedSummary(settings.On, store.Directory, LearnedStoreFiles.ReadState(store), runs, bytes, settings.LimitBytes);
    }

    /// <summary>The project as it is now; when its files do not parse, one warning line and no manifest to compare with (the report still says what changed).</summary>
    private static JuliaProject? ProjectNow(BuildPlanner planner, string dir)
    {
        try
        {
            return planner.ReadProject(dir);
        }
        catch (UserError e) when (e.ExitCode == ExitCode.ProjectInvalid)
        {
            Console.Error.WriteLine($"julia-sysimage: warning: the project cannot be read now: {e.OneLine}");
            return null;
        }
    }

    /// <summary>The background rebuild record beside the image; an unreadable one is said in one line on stderr and counts as none.</summary>
    private static RebuildRecord? RebuildRecordOf(string image)
    {
        var path = new ImageFiles(image).RebuildRecord;
        if (!File.Exists(path))
        {
            return null;
        }

        var record = RebuildRecord.Parse(File.ReadAllBytes(path), path, out var unreadable);
        if (unreadable is not null)
        {
            Console.Error.WriteLine($"julia-sysimage: warning: {unreadable}; the next background rebuild replaces it");
        }

        return record;
    }
}
