using System.Globalization;
using System.Security;
using System.Text;

namespace JuliaNet.Bench.Report;

public sealed record Series(string Name, IReadOnlyList<double> Values, string Color);

/// <summary>One line chart: y against x for one or more series, both axes from zero; the legend gives the values.</summary>
public sealed record Panel(string Title, string XLabel, string YLabel, IReadOnlyList<double> X, IReadOnlyList<Series> Series);

/// <summary>Line charts side by side in one self-contained SVG (no scripts, no fonts to load).</summary>
public static class SvgChart
{
    private const double Width = 460, Height = 340, Left = 60, Right = 20, Top = 40, Bottom = 95;

    public static string Render(IReadOnlyList<Panel> panels)
    {
        var svg = new StringBuilder();
        svg.Append(N($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width * panels.Count}\" height=\"{Height}\" viewBox=\"0 0 {Width * panels.Count} {Height}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        svg.Append(N($"<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n"));
        for (var i = 0; i < panels.Count; i++)
        {
            svg.Append(N($"<g transform=\"translate({Width * i},0)\">\n"));
            svg.Append(RenderPanel(panels[i]));
            svg.Append("</g>\n");
        }

        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>The smallest of 1, 2, 2.5, 5 times a power of ten that is at least <paramref name="max"/>.</summary>
    public static double NiceMax(double max)
    {
        if (max <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(max)));
        return new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * power).First(v => v >= max * (1 - 1e-12));
    }

    private static string RenderPanel(Panel panel)
    {
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var xMax = panel.X.DefaultIfEmpty(1).Max();
        var yMax = NiceMax(panel.Series.SelectMany(s => s.Values).DefaultIfEmpty(0).Max());
        double Px(double x) => Left + (x / xMax * plotWidth);
        double Py(double y) => Top + plotHeight - (y / yMax * plotHeight);

        var svg = new StringBuilder();
        svg.Append(N($"<text x=\"{Width / 2}\" y=\"20\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">{E(panel.Title)}</text>\n"));
        for (var t = 0; t <= 4; t++)
        {
            var y = yMax * t / 4;
            svg.Append(N($"<line x1=\"{Left}\" y1=\"{Py(y):0.#}\" x2=\"{Left + plotWidth}\" y2=\"{Py(y):0.#}\" stroke=\"#ddd\"/>\n"));
            svg.Append(N($"<text x=\"{Left - 6}\" y=\"{Py(y) + 4:0.#}\" text-anchor=\"end\">{y:0.##}</text>\n"));
        }

        foreach (var x in panel.X.Prepend(0))
        {
            svg.Append(N($"<text x=\"{Px(x):0.#}\" y=\"{Top + plotHeight + 16}\" text-anchor=\"middle\">{x:0.##}</text>\n"));
        }

        svg.Append(N($"<line x1=\"{Left}\" y1=\"{Top + plotHeight}\" x2=\"{Left + plotWidth}\" y2=\"{Top + plotHeight}\" stroke=\"#333\"/>\n"));
        svg.Append(N($"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Top + plotHeight}\" stroke=\"#333\"/>\n"));
        svg.Append(N($"<text x=\"{Left + plotWidth / 2}\" y=\"{Top + plotHeight + 34}\" text-anchor=\"middle\">{E(panel.XLabel)}</text>\n"));
        svg.Append(N($"<text transform=\"translate(16,{Top + plotHeight / 2}) rotate(-90)\" text-anchor=\"middle\">{E(panel.YLabel)}</text>\n"));

        for (var s = 0; s < panel.Series.Count; s++)
        {
            var series = panel.Series[s];
            var points = string.Join(' ', panel.X.Zip(series.Values, (x, y) => N($"{Px(x):0.#},{Py(y):0.#}")));
            svg.Append(N($"<polyline points=\"{points}\" fill=\"none\" stroke=\"{series.Color}\" stroke-width=\"2\"/>\n"));
            foreach (var (x, y) in panel.X.Zip(series.Values))
            {
                svg.Append(N($"<circle cx=\"{Px(x):0.#}\" cy=\"{Py(y):0.#}\" r=\"3\" fill=\"{series.Color}\"><title>{E(series.Name)}: {y:0.###}</title></circle>\n"));
            }

            var legendY = Top + plotHeight + 52 + (s * 14);
            svg.Append(N($"<rect x=\"{Left}\" y=\"{legendY - 8}\" width=\"14\" height=\"3\" fill=\"{series.Color}\"/>\n"));
            var values = string.Join(", ", series.Values.Select(v => v.ToString(v >= 10 ? "0.#" : "0.###", CultureInfo.InvariantCulture)));
            svg.Append(N($"<text x=\"{Left + 20}\" y=\"{legendY - 3}\">{E(series.Name)}: {values}</text>\n"));
        }

        return svg.ToString();
    }

    private static string N(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string E(string text) => SecurityElement.Escape(text);
}
