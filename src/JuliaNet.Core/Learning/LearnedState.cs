using System.Globalization;
using System.Text;
using JuliaNet.Serialization;

namespace JuliaNet.Learning;

/// <summary>
/// The counts of a learned store, kept in its <c>state</c> file (<see cref="KeyValueText"/>) so that
/// a launch reads a few bytes, never the statements.
/// </summary>
/// <param name="Runs">Runs merged so far.</param>
/// <param name="Statements">Statements in <c>learned.jl</c>.</param>
/// <param name="InImage">Of those, how many the image's last build replayed (the first ones: merges append).</param>
/// <param name="Skipped">Lines skipped at merges: cut short (a run killed while it wrote) or not a statement.</param>
/// <param name="OverLimit">Statements left out at merges because the store was at its size limit.</param>
/// <param name="SetAside">Statements that failed to replay in a build, no longer replayed.</param>
/// <param name="Bytes">The size of <c>learned.jl</c>.</param>
/// <param name="Warned">Whether the one line that says the image can be improved was printed since its build.</param>
public sealed record LearnedState(int Runs, int Statements, int InImage, int Skipped, int OverLimit, int SetAside, long Bytes, bool Warned)
{
    public static readonly LearnedState Empty = new(0, 0, 0, 0, 0, 0, 0, false);

    /// <summary>Statements learned that the image's last build did not replay.</summary>
    public int New => Math.Max(0, Statements - InImage);

    public string Write()
    {
        var text = new StringBuilder();
        void Pair(string key, long value) => KeyValueText.Append(text, key, value.ToString(CultureInfo.InvariantCulture));
        Pair("runs", Runs);
        Pair("statements", Statements);
        Pair("in_image", InImage);
        Pair("skipped", Skipped);
        Pair("over_limit", OverLimit);
        Pair("set_aside", SetAside);
        Pair("bytes", Bytes);
        Pair("warned", Warned ? 1 : 0);
        return text.ToString();
    }

    /// <summary>The state in <paramref name="text"/>; a value missing or unreadable counts as 0 (the store is remade from its files at the next merge).</summary>
    public static LearnedState Parse(string text)
    {
        var pairs = KeyValueText.Parse(text).GroupBy(p => p.Key).ToDictionary(g => g.Key, g => g.Last().Value, StringComparer.Ordinal);
        long Value(string key) => pairs.TryGetValue(key, out var v) && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        int Count(string key) => (int)Math.Min(Value(key), int.MaxValue);
        return new LearnedState(Count("runs"), Count("statements"), Count("in_image"), Count("skipped"), Count("over_limit"), Count("set_aside"), Value("bytes"), Value("warned") == 1);
    }
}
