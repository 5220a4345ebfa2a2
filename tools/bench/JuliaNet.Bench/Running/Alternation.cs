using JuliaNet.Bench.Measure;

namespace JuliaNet.Bench.Running;

/// <summary>
/// Measures commands in alternation, the order turning each round (A B C, B C A, C A B), so
/// that drift on a busy machine and the position in a round hit all of them alike: <c>warmup</c>
/// unmeasured rounds, then <c>rounds</c> measured ones.
/// </summary>
public static class Alternation
{
    public static async Task<Samples[]> Measure(Runner runner, IReadOnlyList<Cmd> commands, int warmup, int rounds, string label)
    {
        var seconds = commands.Select(_ => new List<double>()).ToArray();
        for (var round = -warmup; round < rounds; round++)
        {
            for (var k = 0; k < commands.Count; k++)
            {
                var c = (k + Math.Max(round, 0)) % commands.Count;
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
