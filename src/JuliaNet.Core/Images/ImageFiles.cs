namespace JuliaNet.Images;

/// <summary>
/// Every file an image owns, named in one place (as <see cref="Paths.CacheLayout"/> names the
/// precompile cache's). Beside <c>DIR/sys.so</c>:
/// <list type="bullet">
/// <item><c>sys.so.json</c>, the metadata: how the image was built, from what; the one source of truth;</item>
/// <item><c>.sys.so.launch</c>, the launch record: what a launch reads of the metadata, in binary (<see cref="Images.LaunchRecord"/>);</item>
/// <item><c>.sys.so.rebuild.json</c> and <c>.sys.so.rebuild.log</c>, the background rebuild's record and output (<see cref="Images.RebuildRecord"/>);</item>
/// <item><c>.sys.so.lock</c>, held by the one build of the image that runs (and by a merge of what was learned);</item>
/// <item><c>.sys.so.learned/</c>, what the project's runs compiled (<see cref="Learning.LearnedStore"/>; a project image's only);</item>
/// <item><c>.julia-sysimage-sys.so-XXXXXXXXXXXX/</c>, a build's private directory (gone when the build ends, unless a step failed: it holds the log);</item>
/// <item><c>.sys.so.tmp-GUID</c>, <c>.sys.so.json.tmp-GUID</c>, <c>..sys.so.launch.tmp-GUID</c>: an atomic write of the image or one of these files in flight.</item>
/// </list>
/// The metadata is written before the launch record, and a launch record is used only while it
/// matches the metadata's size and time; the rebuild record is removed once the image is installed.
/// </summary>
/// <param name="Image">The image's absolute path.</param>
public sealed record ImageFiles(string Image)
{
    private const string BuildFolderTag = ".julia-sysimage-";

    /// <summary>The directory that holds the image and every file here.</summary>
    public string Directory => Path.GetDirectoryName(Image) ?? "";

    public string Metadata => Image + ".json";

    public string LaunchRecord => Hidden(".launch");

    public string RebuildRecord => Hidden(".rebuild.json");

    public string RebuildLog => Hidden(".rebuild.log");

    public string Lock => Hidden(".lock");

    /// <summary>The store of what a project's runs compiled, for its next build (<see cref="Learning.LearnedStore"/>).</summary>
    public Learning.LearnedStore Learned => new(Hidden(".learned"));

    /// <summary>The start of every build directory's name (then 12 random hex digits).</summary>
    public string BuildFolderPrefix => BuildFolderTag + Path.GetFileName(Image) + "-";

    /// <summary>
    /// Whether <paramref name="name"/> (a file name in <see cref="Directory"/>) is the temporary
    /// file of an atomic write (<see cref="TemporaryFor"/>) of the image, its metadata, its launch
    /// record or its rebuild record: never another image's.
    /// </summary>
    public bool IsTemporaryFile(string name)
    {
        var tag = name.LastIndexOf(".tmp-", StringComparison.Ordinal);
        return tag > 1 && name[0] == '.' && AtomicallyWritten.Contains(name[1..tag]);
    }

    /// <summary>The names of the files here that are written atomically (through a temporary file).</summary>
    private string[] AtomicallyWritten => [Path.GetFileName(Image), Path.GetFileName(Metadata), Path.GetFileName(LaunchRecord), Path.GetFileName(RebuildRecord)];

    /// <summary>A new build directory's path.</summary>
    public string BuildFolder(string unique) => Path.Combine(Directory, BuildFolderPrefix + unique);

    /// <summary>
    /// The temporary file an atomic write of <paramref name="path"/> goes through: hidden, in the
    /// same directory (so the final step is a rename), recognised by <see cref="IsTemporaryFile"/>.
    /// </summary>
    public static string TemporaryFor(string path, string unique) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", "." + Path.GetFileName(path) + ".tmp-" + unique);

    private string Hidden(string suffix) => Path.Combine(Directory, "." + Path.GetFileName(Image) + suffix);
}
