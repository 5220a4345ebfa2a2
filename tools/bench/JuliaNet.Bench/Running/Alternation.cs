using JuliaNet.Bench.Measure;

namespace JuliaNet.Bench.Running;

/// <summary>
/// Measures commands in alternation, A B A B (or A B C A B C), so that drift on a busy
/// machine hits all of them alike: <c>warmup</c> unmeasured rounds, then <c>rounds</c> measured ones.
/// </summary>
public static class Alternation
{
    public static async Task<Samples[]> Measure(Runner runner, IReadOnlyList<Cmd> commands, int warmup, int rounds, string label)
    {
        var seconds = commands.Select(_ => new List<double>()).ToArray();
        for (var round = -warmup; round < rounds; round++)
        {
            for (var c = 0; c < commands.Count; c++)
            {
                var time = await runner.Time(commands[c]);
                if (round >= 0)
                {
                    seconds[c].Add(time);
                }
            }

            if (round >= 0 && ((round + 1) % 5 == 0 || round + 1 == rounds))
            {
                Console.WriteLine($"bench:   {label}: {round + 1}/{rounds} rounds");
            }
        }

        return seconds.Select(s => new Samples(s)).ToArray();
    }
}
