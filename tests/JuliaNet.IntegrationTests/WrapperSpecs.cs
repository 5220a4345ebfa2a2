namespace JuliaNet.IntegrationTests;

/// <summary>
/// julia-net standing on PATH as <c>julia</c>, set up with the README's command, run by name
/// through <c>/usr/bin/env</c> (which looks <c>julia</c> up on PATH as a shell does).
/// </summary>
[Collection(SysimageCollection.Name)]
public sealed class WrapperSpecs(SysimageFixture image)
{
    private Tools Tools => image.Tools;

    private string WrapperDir => Path.Combine(Tools.Home, ".local", "bin");

    private string ConfigFile => Path.Combine(Tools.Home, ".config", "julia-net", "config.json");

    [Fact]
    public void Wrapper_InstalledAsTheReadmeSays_MakesPlainJuliaStartInTheImage()
    {
        var env = image.InstalledEnvironment();
        try
        {
            var install = Tools.Run(image.InstalledLauncher, image.Guide(InstallGuide.InstallWrapper)[1..], env);
            Assert.True(install.ExitCode == 0, install.StandardError);
            Assert.Equal("", install.StandardError);

            var wrapper = Path.Combine(WrapperDir, "julia");
            var julia = Tools.Run("/usr/bin/env", ["julia", "-e", "println(Base.julia_cmd()); println(ENV[\"JULIA_NET_LAUNCHER\"]); println(Sys.BINDIR)"], env);

            Assert.True(julia.ExitCode == 0, julia.StandardError);
            Assert.Equal(
                $"`{wrapper} {Tools.CpuNative} -J{image.Output} -g1`\n{wrapper}\n{Path.GetDirectoryName(Tools.Julia)}\n",
                julia.StandardOutput);
            Assert.Equal(image.InstalledLauncher, File.ResolveLinkTarget(wrapper, returnFinalTarget: false)!.FullName);
            Assert.Contains(image.Output, File.ReadAllText(ConfigFile), StringComparison.Ordinal);

            var remove = Tools.Run(image.InstalledLauncher, ["--julia-net-remove-wrapper", WrapperDir], env);
            var after = Tools.Run("/usr/bin/env", ["julia", "-e", "print(Base.julia_cmd().exec[1])"], env);

            Assert.Equal(0, remove.ExitCode);
            Assert.DoesNotContain(wrapper, Directory.GetFileSystemEntries(WrapperDir));
            Assert.Equal(Path.Combine(Path.GetDirectoryName(Tools.Julia)!, "julia"), after.StandardOutput);
        }
        finally
        {
            File.Delete(ConfigFile);
            File.Delete(Path.Combine(WrapperDir, "julia"));
        }
    }

    [Fact]
    public void Wrapper_ChildJuliaProcesses_ComeBackThroughTheWrapperWithTheImage()
    {
        var dir = Tools.NewDir("wrapper-bin");
        var env = image.InstalledEnvironment(new Dictionary<string, string?> { ["PATH"] = $"{dir}:{System.Environment.GetEnvironmentVariable("PATH")}", ["JULIA_NET_SYSIMAGE"] = image.Output });
        Assert.Equal(0, Tools.Run(image.InstalledLauncher, ["--julia-net-install-wrapper", dir], env).ExitCode);

        var result = Tools.Run("/usr/bin/env", ["julia", "-e", "print(read(`$(Base.julia_cmd()) -e 'print(unsafe_string(Base.JLOptions().image_file), \" \", ENV[\"JULIA_NET_LAUNCHER\"])'`, String))"], env);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal($"{image.Output} {Path.Combine(dir, "julia")}", result.StandardOutput);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void InstallWrapper_WhereARealJuliaIs_RefusesAndLeavesItUntouched(bool symlinkToJulia)
    {
        var dir = Tools.NewDir("real-julia");
        var existing = Path.Combine(dir, "julia");
        if (symlinkToJulia)
        {
            File.CreateSymbolicLink(existing, Tools.Julia);
        }
        else
        {
            File.WriteAllText(existing, "#!/bin/sh\necho a real julia\n");
        }

        var install = Tools.Run(image.InstalledLauncher, ["--julia-net-install-wrapper", dir, "--sysimage", image.Output]);
        var remove = Tools.Run(image.InstalledLauncher, ["--julia-net-remove-wrapper", dir]);

        Assert.Equal(79, install.ExitCode);
        Assert.Equal($"julia-net: error: {existing} exists and is not a julia-net wrapper; not replacing it (choose another directory or remove it yourself)\n", install.StandardError);
        Assert.Equal(79, remove.ExitCode);
        Assert.Equal(symlinkToJulia ? Tools.Julia : null, new FileInfo(existing).LinkTarget);
        Assert.True(symlinkToJulia || File.ReadAllText(existing) == "#!/bin/sh\necho a real julia\n");
        Assert.False(File.Exists(ConfigFile), "nothing written to the config on refusal");
        Assert.Single(Directory.GetFileSystemEntries(dir));
    }

    [Fact]
    public void InstallWrapper_WithAMissingImage_FailsAndWritesNothing()
    {
        var dir = Tools.NewDir("no-image");

        var install = Tools.Run(image.InstalledLauncher, ["--julia-net-install-wrapper", dir, "--sysimage", Path.Combine(dir, "none.so")]);

        Assert.Equal(65, install.ExitCode);
        Assert.StartsWith("julia-net: error: system image not found", install.StandardError, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFileSystemEntries(dir));
        Assert.False(File.Exists(ConfigFile));
    }
}
