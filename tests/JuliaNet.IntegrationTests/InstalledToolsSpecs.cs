using System.Text.Json;

namespace JuliaNet.IntegrationTests;

/// <summary>
/// The tools as users get them: installed with <c>dotnet tool install -g</c> from the packages
/// this run built (the shared fixture does that, as the README says), updated and uninstalled.
/// </summary>
[Collection(SysimageCollection.Name)]
public sealed class InstalledToolsSpecs(SysimageFixture image)
{
    private Tools Tools => image.Tools;

    [Fact]
    public void InstalledTools_FromAnyDirectory_ReportTheVersionThatWasBuilt()
    {
        var expected = Tools.RunLauncher(["--julia-net-version"]).StandardOutput.Trim().Split(' ')[1];
        var anywhere = Tools.NewDir("anywhere");

        var launcher = Tools.Run(image.InstalledLauncher, ["--julia-net-version"], cwd: anywhere);
        var sysimage = Tools.Run(image.Sysimage, ["--version"], cwd: anywhere);

        Assert.Equal($"julia-net {expected}\n", launcher.StandardOutput);
        Assert.Equal($"{expected}\n", sysimage.StandardOutput);
        Assert.Equal("", launcher.StandardError + sysimage.StandardError);
        Assert.Equal(0, sysimage.ExitCode);
    }

    [Fact]
    public void Image_BuiltByInstalledSysimage_RecordsTheInstalledLauncherAsOnPath()
    {
        Assert.True(image.Build.ExitCode == 0, image.Build.StandardError);
        using var metadata = JsonDocument.Parse(File.ReadAllText(image.Output + ".json"));

        Assert.Equal(image.InstalledLauncher, metadata.RootElement.GetProperty("launcher").GetString());
        Assert.NotEqual(image.InstalledLauncher, new FileInfo(image.InstalledLauncher).ResolveLinkTarget(returnFinalTarget: true)!.FullName);
    }

    [Fact]
    public void InstalledLauncher_RunningAScript_ShowsItsShimPathInJuliaCmd()
    {
        var script = Path.Combine(Tools.NewDir("script"), "run.jl");
        File.WriteAllText(script, "using Greeter\nprintln(Base.julia_cmd())\nprintln(Greeter.workload()[1])\n");

        var result = Tools.Run(image.InstalledLauncher, ["--sysimage", image.Output, "--project=" + image.Project, script]);

        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Equal($"`{image.InstalledLauncher} {Tools.CpuNative} -J{image.Output} -g1`\nHello, world!\n", result.StandardOutput);
    }

    [Fact]
    public void PlainJulia_OnTheImage_NamesTheRecordedShimPath()
    {
        var result = Tools.RunJulia(["-J", image.Output, "-e", "print(Base.julia_cmd().exec[1])"]);

        Assert.Equal(image.InstalledLauncher, result.StandardOutput);
    }

    [Fact]
    public void Update_ToANewerJuliaNet_LeavesTheExistingImageWorking()
    {
        var updateDir = Required("JULIA_NET_UPDATE_PACKAGES_DIR");
        var updateVersion = Required("JULIA_NET_UPDATE_VERSION");
        var version = Tools.Run(image.InstalledLauncher, ["--julia-net-version"]).StandardOutput.Trim().Split(' ')[1];
        var binaryBefore = new FileInfo(image.InstalledLauncher).ResolveLinkTarget(returnFinalTarget: true)!.FullName;
        try
        {
            var update = image.Dotnet(["tool", "update", "-g", "julia-net", "--add-source", updateDir, "--version", updateVersion]);
            Assert.True(update.ExitCode == 0, update.StandardOutput + update.StandardError);

            var binaryAfter = new FileInfo(image.InstalledLauncher).ResolveLinkTarget(returnFinalTarget: true)!.FullName;
            var run = Tools.Run(image.InstalledLauncher, ["--sysimage", image.Output, "--project=" + image.Project, "-e", "using Greeter; Greeter.workload(); print(Base.julia_cmd())"]);
            var plain = Tools.RunJulia(["-J", image.Output, "-e", "print(Base.julia_cmd().exec[1])"]);

            Assert.Equal($"julia-net {updateVersion}\n", Tools.Run(image.InstalledLauncher, ["--julia-net-version"]).StandardOutput);
            Assert.NotEqual(binaryBefore, binaryAfter);
            Assert.False(File.Exists(binaryBefore), "the old binary is gone after the update");
            Assert.True(run.ExitCode == 0, run.StandardError);
            Assert.Equal($"`{image.InstalledLauncher} {Tools.CpuNative} -J{image.Output} -g1`", run.StandardOutput);
            Assert.Equal(image.InstalledLauncher, plain.StandardOutput);
        }
        finally
        {
            // Back to the version under test, for the other tests of the collection.
            image.Dotnet(["tool", "update", "-g", "julia-net", "--add-source", image.PackagesDir, "--version", version, "--allow-downgrade"]);
        }

        Assert.Equal($"julia-net {version}\n", Tools.Run(image.InstalledLauncher, ["--julia-net-version"]).StandardOutput);
    }

    [Fact]
    public void Uninstall_FromAToolPath_LeavesNothingBehind()
    {
        var toolPath = Tools.NewDir("tool-path");
        foreach (var tool in new[] { "julia-net", "julia-sysimage" })
        {
            var install = image.Dotnet(["tool", "install", tool, "--tool-path", toolPath, "--add-source", image.PackagesDir]);
            Assert.True(install.ExitCode == 0, install.StandardOutput + install.StandardError);
        }

        Assert.Equal(0, Tools.Run(Path.Combine(toolPath, "julia-sysimage"), ["--version"]).ExitCode);
        foreach (var tool in new[] { "julia-net", "julia-sysimage" })
        {
            var uninstall = image.Dotnet(["tool", "uninstall", tool, "--tool-path", toolPath]);
            Assert.True(uninstall.ExitCode == 0, uninstall.StandardOutput + uninstall.StandardError);
        }

        Assert.Equal([".store"], Directory.EnumerateFileSystemEntries(toolPath).Select(Path.GetFileName));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(Path.Combine(toolPath, ".store")), entry => Path.GetFileName(entry) != ".stage");
    }

    private static string Required(string name) =>
        System.Environment.GetEnvironmentVariable(name) is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException($"{name} is not set: run the tests through build.cake (IntegrationTest)");
}
