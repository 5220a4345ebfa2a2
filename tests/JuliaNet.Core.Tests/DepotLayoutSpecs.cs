using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Julia;
using JuliaNet.Launching;
using JuliaNet.Paths;
using JuliaNet.Processes;

namespace JuliaNet.Core.Tests;

public sealed class DepotLayoutSpecs
{
    private const string CacheRoot = "/home/alice/.cache/julia-net";
    private const string UserDepot = "/home/alice/.julia";
    private const string LocalShare = "/opt/julia/local/share/julia";
    private const string Share = "/opt/julia/share/julia";

    private static readonly JuliaInfo Info = new("1.5.3", "/opt/julia/lib/julia/sys.so", [LocalShare, Share]);

    private static IReadOnlyList<string> UserDepots(params (string Name, string Value)[] env) =>
        DepotLayout.UserDepots(Contexts.Linux(env), Info, CacheRoot);

    [Fact]
    public void UserDepots_DepotPathUnset_IsHomeJuliaThenSystemDepots()
    {
        Assert.Equal([UserDepot, LocalShare, Share], UserDepots());
    }

    [Fact]
    public void UserDepots_NoSystemDepots_IsHomeJuliaOnly()
    {
        var depots = DepotLayout.UserDepots(Contexts.Linux(), Info with { SystemDepots = [] }, CacheRoot);

        Assert.Equal([UserDepot], depots);
    }

    /// <summary>
    /// How each Julia version expands empty entries (base/initdefs.jl at each tag: the defaults up
    /// to 1.10, as 1.10.8 shows live; julia #51448 in 1.11.0, #56195 in 1.11.2), and its duplicates.
    /// </summary>
    public static TheoryData<string, string, string[]> DepotPathsByVersion => new()
    {
        { "1.5.3", "/x:", ["/x", UserDepot, LocalShare, Share] },
        { "1.5.3", "/x:/x", ["/x"] },
        { "1.9.4", ":/x", [UserDepot, LocalShare, Share, "/x"] },
        { "1.9.4", "/x:/x", ["/x"] },
        { "1.10.8", "/x:", ["/x", UserDepot, LocalShare, Share] },
        { "1.10.8", ":/x", [UserDepot, LocalShare, Share, "/x"] },
        { "1.10.8", "/x:" + Share + ":/x", ["/x", Share] },
        { "1.10.8", Share + ":", [Share, UserDepot, LocalShare] },
        { "1.11.0-DEV.1", ":/x", [LocalShare, Share, "/x"] },
        { "1.11.1", ":/x", [LocalShare, Share, "/x"] },
        { "1.11.1", "/x:", ["/x", LocalShare, Share] },
        { "1.11.1", ":", [UserDepot, LocalShare, Share] },
        { "1.11.1", Share + ":", [Share, LocalShare] },
        { "1.11.2", ":/x", [UserDepot, LocalShare, Share, "/x"] },
        { "1.11.2", "/x::", ["/x", LocalShare, Share] },
        { "1.12.0-rc1", ":/x", [UserDepot, LocalShare, Share, "/x"] },
        { "1.12.1", "/x:", ["/x", LocalShare, Share] },
        { "1.12.1", ":", [UserDepot, LocalShare, Share] },
        { "1.12.1", ":" + UserDepot, [UserDepot, LocalShare, Share, UserDepot] },
    };

    [Theory]
    [MemberData(nameof(DepotPathsByVersion))]
    public void UserDepots_EmptyEntriesAndDuplicates_FollowTheJuliaVersion(string version, string value, string[] expected)
    {
        var depots = DepotLayout.UserDepots(Contexts.Linux((EnvironmentVariables.DepotPath, value)), Info with { Version = version }, CacheRoot);

        Assert.Equal(expected, depots);
    }

    [Theory]
    [InlineData("1.5.3", "")]
    [InlineData("1.10.4", "")]
    [InlineData("1.10.4", " ")]
    public void UserDepots_BlankDepotPath_IsTheDefaults(string version, string value)
    {
        var depots = DepotLayout.UserDepots(Contexts.Linux((EnvironmentVariables.DepotPath, value)), Info with { Version = version }, CacheRoot);

        Assert.Equal([UserDepot, LocalShare, Share], depots);
    }

    [Theory]
    [InlineData("1.5.3", 1, 5, 3, true)]
    [InlineData("1.5.3", 1, 10, 0, false)]
    [InlineData("1.11.2", 1, 11, 2, true)]
    [InlineData("1.11.10", 1, 11, 2, true)]
    [InlineData("1.12.0-rc1", 1, 12, 0, true)]
    [InlineData("2.0.0", 1, 99, 99, true)]
    [InlineData("unreadable", 9, 0, 0, true)]
    public void JuliaRelease_AtLeast_ComparesReleaseNumbers(string version, int major, int minor, int patch, bool expected)
    {
        Assert.Equal(expected, JuliaRelease.AtLeast(version, major, minor, patch));
    }

    public static TheoryData<string, string[]> DepotPaths => new()
    {
        { "/a:/b", ["/a", "/b"] },
        { "/only", ["/only"] },
        { "/x:", ["/x", UserDepot, LocalShare, Share] },
        { ":/x", [UserDepot, LocalShare, Share, "/x"] },
        { "/x::/y", ["/x", UserDepot, LocalShare, Share, "/y"] },
        { "~/d", ["/home/alice/d"] },
        { "~", ["/home/alice"] },
        { "~//d", ["/home/alice/d"] },
        { "~/d:~/e/f", ["/home/alice/d", "/home/alice/e/f"] },
        { "~bob/d", ["~bob/d"] },
        { "/a/~/b", ["/a/~/b"] },
        { "/with space:/ü", ["/with space", "/ü"] },
    };

    [Theory]
    [MemberData(nameof(DepotPaths))]
    public void UserDepots_JuliaDepotPath_IsSplitAndExpanded(string value, string[] expected)
    {
        Assert.Equal(expected, UserDepots((EnvironmentVariables.DepotPath, value)));
    }

    [Fact]
    public void UserDepots_OnWindows_SplitsOnSemicolon()
    {
        var context = Contexts.Create(Platform.Windows, (EnvironmentVariables.DepotPath, "/a:b;/c"));

        Assert.Equal(["/a:b", "/c"], DepotLayout.UserDepots(context, Info, CacheRoot));
    }

    [Fact]
    public void UserDepots_FirstDepotIsACacheDepotAndUserDepotSet_IsMappedBack()
    {
        var cacheDepot = CacheLayout.DepotFor(CacheRoot, Contexts.Launcher, "/images/app.so", "/data/depot");

        var depots = UserDepots(
            (EnvironmentVariables.DepotPath, $"{cacheDepot}:{LocalShare}:{Share}"),
            (EnvironmentVariables.UserDepot, "/data/depot"));

        Assert.Equal(["/data/depot", LocalShare, Share], depots);
    }

    [Fact]
    public void UserDepots_FirstDepotIsACacheDepotButUserDepotUnset_IsKept()
    {
        var cacheDepot = CacheRoot + "/depots/app-0123456789abcdef";

        Assert.Equal([cacheDepot, Share], UserDepots((EnvironmentVariables.DepotPath, $"{cacheDepot}:{Share}")));
        Assert.Equal([cacheDepot, Share], UserDepots((EnvironmentVariables.DepotPath, $"{cacheDepot}:{Share}"), (EnvironmentVariables.UserDepot, "")));
    }

    [Theory]
    [InlineData(CacheRoot + "/depots")]
    [InlineData(CacheRoot)]
    [InlineData(CacheRoot + "/depotsX/app-0123456789abcdef")]
    [InlineData("/elsewhere/depots/app-0123456789abcdef")]
    public void UserDepots_FirstDepotOutsideTheCacheDepots_IsKept(string first)
    {
        var depots = UserDepots((EnvironmentVariables.DepotPath, $"{first}:{Share}"), (EnvironmentVariables.UserDepot, "/data/depot"));

        Assert.Equal([first, Share], depots);
    }

    [Fact]
    public void UserDepots_LaterDepotInsideTheCacheDepots_IsNotMapped()
    {
        var cacheDepot = CacheRoot + "/depots/app-0123456789abcdef";

        var depots = UserDepots((EnvironmentVariables.DepotPath, $"/first:{cacheDepot}"), (EnvironmentVariables.UserDepot, "/data/depot"));

        Assert.Equal(["/first", cacheDepot], depots);
    }

    [Fact]
    public void UserDepots_WhatTheLauncherSetsForAChild_RoundTripsToTheParentsUserDepots()
    {
        var parent = UserDepots((EnvironmentVariables.DepotPath, "/data/depot:"));
        var cacheDepot = CacheLayout.DepotFor(CacheRoot, Contexts.Launcher, "/images/app.so", parent[0]);
        var childEnv = PathList.Join(DepotLayout.JuliaDepotPath(cacheDepot, parent), windows: false);

        var child = UserDepots((EnvironmentVariables.DepotPath, childEnv), (EnvironmentVariables.UserDepot, parent[0]));

        Assert.Equal(parent, child);
    }

    [Theory]
    [InlineData(new[] { UserDepot, LocalShare, Share }, new[] { "/cache", LocalShare, Share })]
    [InlineData(new[] { UserDepot }, new[] { "/cache" })]
    [InlineData(new[] { UserDepot, "/cache", Share, "/cache" }, new[] { "/cache", Share })]
    [InlineData(new[] { "/cache", Share }, new[] { "/cache", Share })]
    public void JuliaDepotPath_UserDepots_PutsCacheDepotFirstInPlaceOfTheUsersFirst(string[] userDepots, string[] expected)
    {
        Assert.Equal(expected, DepotLayout.JuliaDepotPath("/cache", userDepots));
    }

    [Theory]
    [InlineData(CacheRoot + "/depots/app-0123456789abcdef", true)]
    [InlineData(CacheRoot + "/depots/x/y", true)]
    [InlineData(CacheRoot + "/depots", false)]
    [InlineData(CacheRoot + "/depots-old/x", false)]
    [InlineData("/other" + CacheRoot + "/depots/x", false)]
    public void IsCacheDepot_Path_IsTrueOnlyInsideTheDepotsDirectory(string path, bool expected)
    {
        Assert.Equal(expected, DepotLayout.IsCacheDepot(path, CacheRoot));
    }

    [Fact]
    public void LinkedEntries_EverythingButCompiled_IsLinked()
    {
        Assert.DoesNotContain(DepotLayout.CompiledEntry, DepotLayout.LinkedEntries);
        Assert.Equal("compiled", DepotLayout.CompiledEntry);
        Assert.Contains("packages", DepotLayout.LinkedEntries);
        Assert.Contains("registries", DepotLayout.LinkedEntries);
        Assert.Equal(DepotLayout.LinkedEntries.Count, DepotLayout.LinkedEntries.Distinct().Count());
    }
}
