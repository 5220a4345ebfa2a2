using System.Globalization;
using System.Text.RegularExpressions;

namespace JuliaNet.Bench.Measure;

/// <summary>What julia-sysimage says on stderr that the suite reports.</summary>
public static partial class SysimageOutput
{
    /// <summary>
    /// The image threads from its first line (<c>julia-sysimage: building IMG with Julia 1.10.8,
    /// 2 image threads, about 5.3 GB of 20.1 GB available (log: ...)</c>; before the memory
    /// estimate, <c>2 image threads (log: ...)</c>), or null (Julia before 1.10 says none).
    /// </summary>
    public static int? ImageThreads(string stderr)
    {
        var match = ImageThreadsLine().Match(stderr);
        return match.Success ? int.Parse(match.Groups["n"].Value, CultureInfo.InvariantCulture) : null;
    }

    [GeneratedRegex(@"^julia-sysimage: building .* with Julia [^,\n]*, (?<n>\d+) image threads?(, about | \(log: )", RegexOptions.Multiline)]
    private static partial Regex ImageThreadsLine();
}
