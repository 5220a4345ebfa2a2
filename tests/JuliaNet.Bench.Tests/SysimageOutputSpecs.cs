using JuliaNet.Bench.Measure;

namespace JuliaNet.Bench.Tests;

public sealed class SysimageOutputSpecs
{
    [Theory]
    [InlineData("julia-sysimage: building /w/a.so with Julia 1.10.8, 2 image threads (log: /w/a.so.log)\n[1/5] precompile packages ...\n", 2)]
    [InlineData("julia-sysimage: building /w/a.so with Julia 1.10.8, 1 image thread (log: /w/a.so.log)\n", 1)]
    [InlineData("julia-sysimage: building /w/a.so with Julia 1.10.8, 2 image threads, about 5.3 GB of 20.1 GB available (log: /w/a.so.log)\n", 2)]
    [InlineData("julia-sysimage: building /w/a.so with Julia 1.10.8, 1 image thread, about 3.1 GB (from the previous build) of 4.0 GB (--memory-limit) (log: /w/a.so.log)\n", 1)]
    public void ImageThreads_FirstLine_IsTheCountItSays(string stderr, int expected)
    {
        Assert.Equal(expected, SysimageOutput.ImageThreads(stderr));
    }

    [Fact]
    public void ImageThreads_JuliaWithoutThem_IsNull()
    {
        Assert.Null(SysimageOutput.ImageThreads("julia-sysimage: building /w/a.so with Julia 1.5.3 (log: /w/a.so.log)\n"));
        Assert.Null(SysimageOutput.ImageThreads("julia-sysimage: building /w/a.so with Julia 1.5.3, about 2.5 GB of 20.1 GB available (log: /w/a.so.log)\n"));
    }
}
