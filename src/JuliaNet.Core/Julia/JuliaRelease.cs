using System.Globalization;

namespace JuliaNet.Julia;

/// <summary>
/// The release numbers of a Julia version string (<c>1.5.3</c>, <c>1.12.0-rc1</c>,
/// <c>1.10.0-DEV.123</c>). A prerelease counts as its release: behaviour that changed
/// during a development cycle is taken as it shipped.
/// </summary>
public readonly record struct JuliaRelease(int Major, int Minor, int Patch)
{
    public static JuliaRelease? Parse(string version)
    {
        var core = version.Split('-', '+')[0].Split('.');
        return core.Length == 3
            && int.TryParse(core[0], NumberStyles.None, CultureInfo.InvariantCulture, out var major)
            && int.TryParse(core[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            && int.TryParse(core[2], NumberStyles.None, CultureInfo.InvariantCulture, out var patch)
                ? new JuliaRelease(major, minor, patch)
                : null;
    }

    /// <summary>Whether <paramref name="version"/> is at least major.minor.patch; an unreadable version is taken as the newest.</summary>
    public static bool AtLeast(string version, int major, int minor, int patch) =>
        Parse(version) is not { } r || (r.Major, r.Minor, r.Patch).CompareTo((major, minor, patch)) >= 0;
}
