using JuliaNet.Building;

namespace JuliaNet.Core.Tests;

public sealed class ImageThreadsSpecs
{
    [Theory]
    [InlineData(3, "5", 3, ThreadSource.Option)]
    [InlineData(null, "5", 5, ThreadSource.Environment)]
    [InlineData(null, "0", null, ThreadSource.Default)]
    [InlineData(null, "many", null, ThreadSource.Default)]
    [InlineData(null, null, null, ThreadSource.Default)]
    public void Request_OptionThenTheUsersVariable_WinOverTheDefault(int? option, string? variable, int? count, ThreadSource source)
    {
        Assert.Equal(new ThreadRequest(count, source), ImageThreads.Request(option, variable));
    }

    [Fact]
    public void Request_Name_SaysWhereTheCountCameFrom()
    {
        Assert.Equal("--image-threads 4", ImageThreads.Request(4, "2").Name);
        Assert.Equal("JULIA_IMAGE_THREADS=2", ImageThreads.Request(null, "2").Name);
    }
}
