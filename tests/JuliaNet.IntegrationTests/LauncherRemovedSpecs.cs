namespace JuliaNet.IntegrationTests;

/// <summary>
/// The image outlives its launcher: with the recorded julia-net gone (uninstalled, or the image
/// copied to another machine), plain <c>julia -J IMG</c> still starts child Julias, through
/// Julia's own executable with the same image. Each test moves the launcher copy away and back.
/// </summary>
[Collection(PackageProjectCollection.Name)]
public sealed class LauncherRemovedSpecs(PackageProjectFixture image)
{
    private Tools Tools => image.Tools;

    [Fact]
    public void JuliaCmd_LauncherPresent_NamesTheRecordedLauncher()
    {
        var result = Tools.RunJulia(["-J", image.Output, "-e", "print(Base.julia_cmd().exec[1])"]);

        Assert.Equal(image.LauncherCopy, result.StandardOutput);
    }

    [Fact]
    public void JuliaCmd_LauncherRemoved_FallsBackToJuliaItselfWithTheSameImage()
    {
        WithoutLauncher(() =>
        {
            var result = Tools.RunJulia(["-J", image.Output, "-e", "print(" + Tools.JuliaCmdHead + ")"]);

            Assert.True(result.ExitCode == 0, result.StandardError);
            Assert.Equal($"{Tools.Julia} {Tools.CpuNative} -J{image.Output}", result.StandardOutput);
        });
    }

    [Fact]
    public void ChildProcess_LauncherRemoved_RunsOnTheSameImage()
    {
        WithoutLauncher(() =>
        {
            var result = Tools.RunJulia(["-J", image.Output, "-e", "print(read(`$(Base.julia_cmd()) -e 'print(unsafe_string(Base.JLOptions().image_file))'`, String))"]);

            Assert.True(result.ExitCode == 0, result.StandardError);
            Assert.Equal(image.Output, result.StandardOutput);
        });
    }

    [Fact]
    public void DistributedWorker_LauncherRemoved_StartsOnTheSameImage()
    {
        WithoutLauncher(() =>
        {
            var result = Tools.RunJulia(["-J", image.Output, "-e", "using Distributed; p = addprocs(1)[1]; print(remotecall_fetch(() -> unsafe_string(Base.JLOptions().image_file), p))"]);

            Assert.True(result.ExitCode == 0, result.StandardError);
            Assert.Equal(image.Output, result.StandardOutput);
        });
    }

    [Fact]
    public void PackageOutsideTheImage_LauncherRemoved_PrecompilesInAWorkerOnTheSameImage()
    {
        var dir = Tools.NewDir("outside");
        TestProjects.Write(dir, new Dictionary<string, string> { ["Outside/src/Outside.jl"] = "module Outside\nimage() = unsafe_string(Base.JLOptions().image_file)\nend\n" });
        var env = new Dictionary<string, string?> { ["JULIA_LOAD_PATH"] = $"{dir}:@stdlib", ["JULIA_DEBUG"] = "loading" };
        WithoutLauncher(() =>
        {
            var result = Tools.RunJulia(["-J", image.Output, "-e", "using Outside; print(Outside.image())"], env);

            Assert.True(result.ExitCode == 0, result.StandardError);
            Assert.True(PrecompileLog.Built(result.StandardError, "Outside"), result.StandardError);
            Assert.Equal(image.Output, result.StandardOutput);
        });
    }

    [Fact]
    public void LauncherVariable_LauncherRemoved_StillWins()
    {
        WithoutLauncher(() =>
        {
            var result = Tools.RunJulia(["-J", image.Output, "-e", "print(Base.julia_cmd().exec[1])"], new Dictionary<string, string?> { ["JULIA_NET_LAUNCHER"] = Tools.Launcher });

            Assert.Equal(Tools.Launcher, result.StandardOutput);
        });
    }

    private void WithoutLauncher(Action test)
    {
        var away = image.LauncherCopy + ".away";
        File.Move(image.LauncherCopy, away);
        try
        {
            test();
        }
        finally
        {
            File.Move(away, image.LauncherCopy);
        }
    }
}
