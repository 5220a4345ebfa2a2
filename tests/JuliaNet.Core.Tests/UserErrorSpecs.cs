using JuliaNet.Errors;

namespace JuliaNet.Core.Tests;

public sealed class UserErrorSpecs
{
    [Theory]
    [InlineData("plain message", "plain message")]
    [InlineData("system image not found: /a\nb.so", "system image not found: /a\\nb.so")]
    [InlineData("a\r\nb", "a\\r\\nb")]
    [InlineData("a\rb", "a\\rb")]
    [InlineData("\n\n", "\\n\\n")]
    [InlineData("tab\tand ü stay", "tab\tand ü stay")]
    [InlineData("", "")]
    public void OneLine_Message_EscapesNewlines(string message, string expected)
    {
        var error = new UserError(ExitCodes.Usage, message);

        Assert.Equal(expected, error.OneLine);
        Assert.DoesNotContain('\n', error.OneLine);
        Assert.DoesNotContain('\r', error.OneLine);
        Assert.Equal(message, error.Message);
    }

    [Theory]
    [InlineData(ExitCodes.Usage)]
    [InlineData(ExitCodes.ImageMismatch)]
    public void ExitCode_GivenCode_IsKept(int code)
    {
        Assert.Equal(code, new UserError(code, "x").ExitCode);
    }

    [Fact]
    public void ExitCodes_ToolCodes_AreDistinctAndOutsideJuliasUsualRange()
    {
        int[] codes =
        [
            ExitCodes.Usage, ExitCodes.ImageNotFound, ExitCodes.ImageUnusable, ExitCodes.JuliaNotFound, ExitCodes.JuliaNotUsable,
            ExitCodes.ImageMismatch, ExitCodes.CacheDirectory, ExitCodes.ExecFailed, ExitCodes.OutputInvalid, ExitCodes.InputMissing,
            ExitCodes.ProjectInvalid, ExitCodes.NoCompiler, ExitCodes.LauncherNotFound, ExitCodes.BuildFailed, ExitCodes.Internal,
            ExitCodes.Interrupted,
        ];

        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.All(codes, c => Assert.InRange(c, 64, 130));
    }
}
