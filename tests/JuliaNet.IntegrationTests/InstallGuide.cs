namespace JuliaNet.IntegrationTests;

/// <summary>
/// The README's "Install" section as data: the tests run exactly these commands (in a
/// private HOME, on a temporary copy of the example), and a test checks that the README
/// shows exactly these lines. Change one, change both.
/// </summary>
public static class InstallGuide
{
    public const string PackagesDir = "artifacts/packages";
    public const string Example = "examples/hello";
    public const string Image = "~/hello.so";
    public const string WrapperDir = "~/.local/bin";
    public const string PathLine = "export PATH=\"$HOME/.local/bin:$HOME/.dotnet/tools:$PATH\"";

    public static readonly string[] Pack = ["dotnet", "tool", "restore"];
    public static readonly string[] PackTarget = ["dotnet", "cake", "--target=Pack"];
    public static readonly string[] InstallLauncher = ["dotnet", "tool", "install", "-g", "julia-net", "--add-source", PackagesDir];
    public static readonly string[] InstallSysimage = ["dotnet", "tool", "install", "-g", "julia-sysimage", "--add-source", PackagesDir];
    public static readonly string[] BuildImage = ["julia-sysimage", "--project", Example, "--script", Example + "/precompile.jl", Image];
    public static readonly string[] InstallWrapper = ["julia-net", "--julia-net-install-wrapper", WrapperDir, "--sysimage", Image];
    public static readonly string[] RunJulia = ["julia", "-e", "println(Base.julia_cmd())"];

    /// <summary>The section's lines, as the README shows them.</summary>
    public static IEnumerable<string> Lines()
    {
        yield return Render(Pack) + " && " + Render(PackTarget);
        yield return Render(InstallLauncher);
        yield return Render(InstallSysimage);
        yield return PathLine;
        yield return Render(BuildImage);
        yield return Render(InstallWrapper);
        yield return Render(RunJulia);
    }

    /// <summary>
    /// A command with the README's paths replaced by the test's: <c>~</c> by the private
    /// HOME, the packages directory by the one this run built, the example by its copy.
    /// </summary>
    public static string[] Resolve(string[] command, string home, string packagesDir, string exampleCopy) =>
        command.Select(arg => arg switch
        {
            PackagesDir => packagesDir,
            _ when arg.StartsWith("~/", StringComparison.Ordinal) => Path.Combine(home, arg[2..]),
            _ when arg.StartsWith(Example, StringComparison.Ordinal) => exampleCopy + arg[Example.Length..],
            _ => arg,
        }).ToArray();

    private static string Render(string[] command) =>
        string.Join(' ', command.Select(arg => arg.Any(c => c is ' ' or '(' or ')' or '\'' or '"' or '$') ? "'" + arg + "'" : arg));
}
