using System.Security.Cryptography;
using System.Text;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

/// <summary>
/// The Windows wrapper: <c>julia.exe</c>, a hard link to (else a copy of) julia-net, with a marker
/// <c>julia.exe.julia-net</c> listing the SHA-256 of julia-net binaries it may be. Never a
/// <c>.cmd</c> (cmd.exe would parse the arguments again), never a real julia.exe replaced.
/// </summary>
public sealed class WindowsWrapperPlannerSpecs
{
    private const string Tools = "/Users/alice/.dotnet/tools";
    private const string Launcher = Tools + "/julia-net.exe";
    private const string Bin = "/Users/alice/bin";
    private const string Wrapper = Bin + "/julia.exe";
    private const string Marker = Wrapper + ".julia-net";

    private static readonly byte[] LauncherBytes = Encoding.UTF8.GetBytes("MZ julia-net 2.0");
    private static readonly byte[] OlderLauncherBytes = Encoding.UTF8.GetBytes("MZ julia-net 1.0");
    private static readonly byte[] RealJuliaBytes = Encoding.UTF8.GetBytes("MZ julia 1.11");

    private readonly FakeFileSystem fs = new FakeFileSystem()
        .AddFile(Launcher, LauncherBytes, executable: true)
        .AddDirectory(Bin)
        .AddFile("/Julia/bin/julia.exe", RealJuliaBytes, executable: true);

    private static ProcessFacts Context(string path = Bin + ";/Julia/bin") =>
        Contexts.Create(Platform.Windows, ("PATH", path)) with { ProgramPath = Launcher, SelfRealPaths = [Launcher] };

    private static string Digest(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private FakeFileSystem OurWrapper(byte[] content, params byte[][] listed)
    {
        fs.AddFile(Wrapper, content, executable: true);
        return fs.AddTextFile(Marker, WrapperMarker.TextFor(listed.Select(Digest)));
    }

    [Fact]
    public void PlanInstall_EmptyDirectory_IsJuliaExeFromTheLauncherWithAMarkerOfItsDigest()
    {
        var plan = WrapperPlanner.PlanInstall(Context(), Bin, null, null, fs);

        Assert.Equal((WrapperKind.Executable, Wrapper, Launcher, false, false), (plan.Kind, plan.WrapperPath, plan.Target, plan.Replaces, plan.InPlace));
        Assert.Equal(new WrapperMarker(Marker, WrapperMarker.TextFor([Digest(LauncherBytes)]), null), plan.Marker);
        Assert.Contains("sha256=" + Digest(LauncherBytes), plan.Marker!.Text, StringComparison.Ordinal);
        Assert.Empty(plan.Obsolete ?? []);
    }

    [Fact]
    public void PlanInstall_OlderJuliaNetsWrapper_ReplacesItListingBothDigestsMeanwhile()
    {
        OurWrapper(OlderLauncherBytes, OlderLauncherBytes);

        var plan = WrapperPlanner.PlanInstall(Context(), Bin, null, null, fs);

        Assert.True(plan.Replaces);
        Assert.False(plan.InPlace);
        Assert.Equal(WrapperMarker.TextFor([Digest(OlderLauncherBytes), Digest(LauncherBytes)]), plan.Marker!.TransitionText);
        Assert.Equal(WrapperMarker.TextFor([Digest(LauncherBytes)]), plan.Marker.Text);
    }

    [Fact]
    public void PlanInstall_WrapperOfThisVeryJuliaNet_OnlyRewritesTheMarker()
    {
        OurWrapper(LauncherBytes, OlderLauncherBytes, LauncherBytes);

        var plan = WrapperPlanner.PlanInstall(Context(), Bin, null, null, fs);

        Assert.Equal((true, true, null), (plan.Replaces, plan.InPlace, plan.Marker!.TransitionText));
    }

    [Fact]
    public void PlanInstall_InvokedThroughTheWrapperIntoItsOwnDirectory_IsInPlace()
    {
        OurWrapper(LauncherBytes, LauncherBytes);
        var context = Context() with { ProgramPath = Wrapper, SelfRealPaths = [Wrapper] };

        var plan = WrapperPlanner.PlanInstall(context, Bin, null, null, fs);

        Assert.Equal((Wrapper, true), (plan.Target, plan.InPlace));
    }

    [Fact]
    public void PlanInstall_RealJuliaExe_RefusesToReplaceIt()
    {
        fs.AddFile(Wrapper, RealJuliaBytes, executable: true);

        var error = Assert.Throws<UserError>(() => WrapperPlanner.PlanInstall(Context(), Bin, null, null, fs));

        Assert.Equal(ExitCode.WrapperConflict, error.ExitCode);
        Assert.Equal($"{Wrapper} exists and is not a julia-net wrapper; not replacing it (choose another directory or remove it yourself)", error.Message);
    }

    [Fact]
    public void PlanInstall_RealJuliaExeBesideAStaleMarker_RefusesToReplaceIt()
    {
        OurWrapper(RealJuliaBytes, OlderLauncherBytes);

        var error = Assert.Throws<UserError>(() => WrapperPlanner.PlanInstall(Context(), Bin, null, null, fs));

        Assert.Equal(ExitCode.WrapperConflict, error.ExitCode);
    }

    [Theory]
    [InlineData("@rem julia-net wrapper\r\n@\"C:\\tools\\julia-net.exe\" %*\r\n", true)]
    [InlineData("@echo off\r\n\"C:\\Julia\\bin\\julia.exe\" %*\r\n", false)]
    public void PlanInstall_JuliaCmdBeside_IsDeletedOnlyWhenItIsTheShimOfEarlierVersions(string text, bool deleted)
    {
        fs.AddTextFile(Bin + "/julia.cmd", text);

        var plan = WrapperPlanner.PlanInstall(Context(), Bin, null, null, fs);

        Assert.Equal(deleted ? [Bin + "/julia.cmd"] : [], plan.Obsolete ?? []);
    }

    [Fact]
    public void PlanRemove_OurWrapper_RemovesItThenItsMarker()
    {
        OurWrapper(OlderLauncherBytes, OlderLauncherBytes);

        var removal = WrapperPlanner.PlanRemove(Context(), Bin, fs);

        Assert.Equal(Wrapper, removal!.WrapperPath);
        Assert.Equal([Marker], removal.AlsoDelete);
    }

    [Fact]
    public void PlanRemove_OnlyTheShimOfEarlierVersions_RemovesIt()
    {
        fs.AddTextFile(Bin + "/julia.cmd", "@rem julia-net wrapper\r\n@\"C:\\tools\\julia-net.exe\" %*\r\n");

        var removal = WrapperPlanner.PlanRemove(Context(), Bin, fs);

        Assert.Equal(Bin + "/julia.cmd", removal?.WrapperPath);
        Assert.Empty(removal!.AlsoDelete);
    }

    [Fact]
    public void PlanRemove_NothingThere_IsNothingToDo()
    {
        fs.AddTextFile(Bin + "/julia.cmd", "@echo off\r\n");

        Assert.Null(WrapperPlanner.PlanRemove(Context(), Bin, fs));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PlanRemove_RealJuliaExe_RefusesToRemoveIt(bool staleMarker)
    {
        if (staleMarker)
        {
            OurWrapper(RealJuliaBytes, LauncherBytes);
        }
        else
        {
            fs.AddFile(Wrapper, RealJuliaBytes, executable: true);
        }

        var error = Assert.Throws<UserError>(() => WrapperPlanner.PlanRemove(Context(), Bin, fs));

        Assert.Equal(ExitCode.WrapperConflict, error.ExitCode);
    }

    [Fact]
    public void Locate_WrapperFirstOnPath_IsSkippedForTheRealJulia()
    {
        OurWrapper(LauncherBytes, LauncherBytes);

        Assert.Equal("/Julia/bin/julia.exe", JuliaLocator.Locate(Context(), null, () => null, null, fs).Path);
    }
}
