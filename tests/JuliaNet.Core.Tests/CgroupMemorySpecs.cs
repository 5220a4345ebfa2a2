using JuliaNet.Building;

namespace JuliaNet.Core.Tests;

public sealed class CgroupMemorySpecs
{
    private const long GiB = 1L << 30;

    private readonly Dictionary<string, string> files = [];

    private long? Available(string selfCgroup) => CgroupMemory.Available(selfCgroup, path => files.GetValueOrDefault(path));

    private void Group(string path, string max, long current, long? inactiveFile = null)
    {
        files[$"/sys/fs/cgroup{path}/memory.max"] = max + "\n";
        files[$"/sys/fs/cgroup{path}/memory.current"] = current + "\n";
        if (inactiveFile is { } inactive)
        {
            files[$"/sys/fs/cgroup{path}/memory.stat"] = $"anon 1000\nfile 2000\ninactive_anon 0\ninactive_file {inactive}\nactive_file 5\n";
        }
    }

    [Fact]
    public void Available_ALimitedGroup_IsItsMaxLessWhatIsInUse()
    {
        Group("/system.slice/build.service", (8 * GiB).ToString(), 3 * GiB);

        Assert.Equal(5 * GiB, Available("0::/system.slice/build.service\n"));
    }

    [Fact]
    public void Available_InactiveFileCache_DoesNotCountAsInUse()
    {
        Group("/ci", (8 * GiB).ToString(), 6 * GiB, inactiveFile: 2 * GiB);

        Assert.Equal(4 * GiB, Available("0::/ci\n"));
    }

    [Fact]
    public void Available_ALimitAbove_CountsWhenItLeavesLess()
    {
        Group("/user.slice", (4 * GiB).ToString(), 3 * GiB);
        Group("/user.slice/session", "max", 1 * GiB);
        Group("/user.slice/session/shell", (16 * GiB).ToString(), 1 * GiB);

        Assert.Equal(1 * GiB, Available("0::/user.slice/session/shell\n"));
    }

    [Fact]
    public void Available_OverItsLimit_IsZero()
    {
        Group("/tight", (1 * GiB).ToString(), 2 * GiB);

        Assert.Equal(0, Available("0::/tight\n"));
    }

    [Theory]
    [InlineData("0::/\n")]                                 // a container's own namespace root, or no limit anywhere
    [InlineData("4:memory:/docker/abc\n1:cpu:/\n")]        // cgroup v1 only
    [InlineData("")]
    [InlineData("0::/unlimited\n")]                        // memory.max "max"
    [InlineData("0::/gone\n")]                             // files not readable
    public void Available_NoV2Limit_IsNull(string selfCgroup)
    {
        Group("/unlimited", "max", 3 * GiB);

        Assert.Null(Available(selfCgroup));
    }

    [Fact]
    public void Available_HybridLayout_ReadsTheV2Line()
    {
        Group("/job", (2 * GiB).ToString(), 0);

        Assert.Equal(2 * GiB, Available("9:name=systemd:/\n4:memory:/job\n0::/job\n"));
    }
}
