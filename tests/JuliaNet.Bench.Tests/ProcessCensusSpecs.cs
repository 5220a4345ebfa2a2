using JuliaNet.Bench.Measure;

namespace JuliaNet.Bench.Tests;

public sealed class ProcessCensusSpecs
{
    // What strace 6.1 writes with -ff -qq -e trace=execve: one file per process.
    private const string Parent = """
        execve("/usr/bin/env", ["env", "PATH=/nonexist:/usr/bin", "sh", "-c", "ls"], 0x7ffe0bc7a888 /* 47 vars */) = 0
        execve("/nonexist/sh", ["sh", "-c", "ls"], 0x7ffda0b34358 /* 47 vars */) = -1 ENOENT (No such file or directory)
        execve("/usr/bin/sh", ["sh", "-c", "ls"], 0x7ffda0b34358 /* 47 vars */) = 0
        --- SIGCHLD {si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=27281, si_uid=0, si_status=0, si_utime=0, si_stime=0} ---
        """;

    private const string Child = """
        execve("/usr/bin/ls", ["ls"], 0x5626e320ad88 /* 47 vars */) = 0
        """;

    [Fact]
    public void Count_SuccessfulExecs_OncePerProgramRunByFileName()
    {
        var counts = ProcessCensus.Count([Parent, Child, Child]);

        Assert.Equal(new Dictionary<string, int> { ["env"] = 1, ["ls"] = 2, ["sh"] = 1 }, counts);
    }

    [Fact]
    public void Count_FailedExecOfAPathSearch_DoesNotCount()
    {
        var counts = ProcessCensus.Count([Parent]);

        Assert.False(counts.ContainsKey("sh") && counts["sh"] > 1);
        Assert.Equal(2, counts.Values.Sum());
    }

    [Fact]
    public void Count_PidPrefixedLineOfOneSharedFile_Counts()
    {
        var counts = ProcessCensus.Count(["12345 execve(\"/usr/bin/julia\", [\"julia\", \"-e\", \"0\"], 0x1 /* 3 vars */) = 0\n"]);

        Assert.Equal(1, counts["julia"]);
    }

    [Fact]
    public void Count_NoTrace_IsEmpty()
    {
        Assert.Empty(ProcessCensus.Count([]));
    }
}
