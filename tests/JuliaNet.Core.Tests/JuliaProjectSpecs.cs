using JuliaNet.Building;
using JuliaNet.Core.Tests.Fakes;
using JuliaNet.Errors;

namespace JuliaNet.Core.Tests;

/// <summary>
/// Project.toml and Manifest.toml as Julia writes them (Fixtures/Projects: manifest formats 1
/// and 2, Julia 1.11's [sources]), and every way they can be wrong: one line, exit 74, naming
/// the file and the line.
/// </summary>
public sealed class JuliaProjectSpecs
{
    private static string Entries(IEnumerable<ProjectPackage> packages) =>
        string.Join("\n", packages.Select(p => $"{p.Name} {p.Uuid} {p.Version ?? "-"} {p.Path ?? "-"} [{string.Join(",", p.Deps)}]"));

    [Fact]
    public void Parse_ManifestFormat1_ReadsEveryEntryWithVersionPathAndDeps()
    {
        var project = ProjectFiles.Read("Format1");

        Assert.Equal(
            """
            Base64 2a0f44e3-6c83-55bd-87e4-b1978d98bd5f - - []
            Dates ade2ca70-3891-5945-98fb-dc099432e06a - - [Printf]
            Example 7876af07-990d-54b4-ab0e-23690620f79a 0.5.4 - []
            Greeter 06494650-d4b2-4c25-b0c4-8f2bc77c5ca8 0.1.0 Greeter [Printf]
            JSON 682c06a0-de6a-54ab-a142-c8b1cf79cde6 0.21.1 - [Dates,Mmap,Parsers,Unicode]
            Mmap a63ad114-7e13-5084-954f-fe012c677804 - - []
            Parsers 69de0a69-1ddd-5017-9359-2bf0b02dc9f0 1.0.16 - [Dates]
            Printf de0858da-6303-5e67-8744-51eddeeeb8d7 - - [Unicode]
            Tools b5c3e8a1-1111-4a2b-8c3d-0e1f2a3b4c5d 1.0.0 - [Printf]
            Tools c6d4f9b2-2222-4b3c-9d4e-1f2a3b4c5d6e 2.3.0 - [Printf]
            Unicode 4ec0a83e-493e-50e2-b9ac-8f72acf5a8f5 - - []
            """,
            Entries(project.Manifest));
    }

    [Fact]
    public void Parse_ManifestFormat2_ReadsDepsEntriesWithArrayTableAndInlineDeps()
    {
        var project = ProjectFiles.Read("Format2");

        Assert.Equal(
            """
            Compat 34da2185-b29b-5c13-b0c7-acf172513d20 4.16.0 - [TOML,UUIDs]
            DataStructures 864edb3b-99cc-5e75-8d2d-829cb0a9cfe8 0.18.20 - [Compat,InteractiveUtils,OrderedCollections]
            Dates ade2ca70-3891-5945-98fb-dc099432e06a - - [Printf]
            InteractiveUtils b77e0a4c-d291-57a0-90e8-8db25a27a240 - - [Markdown]
            Markdown d6f4376e-aef5-505a-96c1-9c027394607a - - [Base64]
            Base64 2a0f44e3-6c83-55bd-87e4-b1978d98bd5f - - []
            OrderedCollections bac558e1-5e72-5ebc-8fee-abe8a469f55d 1.6.3 - []
            Printf de0858da-6303-5e67-8744-51eddeeeb8d7 - - [Unicode]
            Random 9a3f8284-a2c9-5f02-9a11-845980a1fd5c - - [SHA]
            SHA ea8e919c-243c-51af-8825-aaa63cd721ce 0.7.0 - []
            TOML fa267f1f-6049-4f14-aa54-33bafae1ed76 1.0.3 - [Dates]
            Tools b5c3e8a1-1111-4a2b-8c3d-0e1f2a3b4c5d 1.0.0 - [Printf]
            Tools c6d4f9b2-2222-4b3c-9d4e-1f2a3b4c5d6e 2.3.0 - [Random]
            UUIDs cf7118a7-6976-5b1a-9a39-7adc72f591a4 - - [Random,SHA]
            Unicode 4ec0a83e-493e-50e2-b9ac-8f72acf5a8f5 - - []
            """,
            Entries(project.Manifest));
    }

    [Theory]
    [InlineData("Format1", "App", "3c6d9b2e-5f7a-4e1b-9c8d-1a2b3c4d5e6f")]
    [InlineData("Format2", "App", "3c6d9b2e-5f7a-4e1b-9c8d-1a2b3c4d5e6f")]
    [InlineData("Sources111", null, null)]
    public void Parse_Project_ReadsItsOwnNameAndUuidWhenItIsAPackage(string fixture, string? name, string? uuid)
    {
        var project = ProjectFiles.Read(fixture);

        Assert.Equal((name, uuid), (project.Name, project.Uuid));
    }

    [Fact]
    public void Parse_DirectDeps_AreTheProjectsDepsWithTheirManifestEntriesSortedByName()
    {
        var project = ProjectFiles.Read("Format1");

        Assert.Equal(
            """
            Example 7876af07-990d-54b4-ab0e-23690620f79a 0.5.4 - []
            Greeter 06494650-d4b2-4c25-b0c4-8f2bc77c5ca8 0.1.0 Greeter [Printf]
            JSON 682c06a0-de6a-54ab-a142-c8b1cf79cde6 0.21.1 - [Dates,Mmap,Parsers,Unicode]
            Printf de0858da-6303-5e67-8744-51eddeeeb8d7 - - [Unicode]
            """,
            Entries(project.Deps));
    }

    [Fact]
    public void Parse_WeakdepsExtensionsCompatExtrasAndTargets_AreNotDirectDeps()
    {
        var project = ProjectFiles.Read("Format2");

        Assert.Equal(["Compat", "DataStructures", "Printf"], project.Deps.Select(p => p.Name));
    }

    [Fact]
    public void Parse_Julia111SourcesWithInlineTablesAndMultiLineArrays_ReadsDepsAndManifestPaths()
    {
        var project = ProjectFiles.Read("Sources111");

        Assert.Equal(
            """
            Example 7876af07-990d-54b4-ab0e-23690620f79a 0.5.5 - []
            Lib a1b2c3d4-0000-4000-8000-000000000001 0.2.0 ../Lib [Random]
            Random 9a3f8284-a2c9-5f02-9a11-845980a1fd5c 1.11.0 - [SHA]
            """,
            Entries(project.Deps));
    }

    [Fact]
    public void Parse_NoManifest_DirectDepsComeFromProjectAlone()
    {
        var project = ProjectFiles.Parse("""
            [deps]
            Printf = "de0858da-6303-5e67-8744-51eddeeeb8d7"
            """);

        Assert.Equal(("Printf de0858da-6303-5e67-8744-51eddeeeb8d7 - - []", null, 0), (Entries(project.Deps), project.ManifestFile, project.Manifest.Count));
    }

    [Fact]
    public void Parse_EmptyProjectAndManifest_HaveNoPackages()
    {
        var project = ProjectFiles.Parse("", "# no packages\n");

        Assert.Equal((0, 0, null), (project.Deps.Count, project.Manifest.Count, project.Name));
    }

    [Fact]
    public void Parse_WindowsLineEndingsQuotedKeysAndLiteralStrings_AreRead()
    {
        var project = ProjectFiles.Parse(
            "name = 'App'\r\n[deps]\r\n\"Printf\" = 'de0858da-6303-5e67-8744-51eddeeeb8d7' # a comment\r\n",
            "[[\"Printf\"]]\r\nuuid = \"de0858da-6303-5e67-8744-51eddeeeb8d7\"\r\ndeps = [\r\n  'Unicode', # why\r\n]\r\n");

        Assert.Equal(("App", "Printf de0858da-6303-5e67-8744-51eddeeeb8d7 - - [Unicode]"), (project.Name, Entries(project.Deps)));
    }

    [Fact]
    public void Parse_ManifestEntriesAsAnArrayOfInlineTables_AreRead()
    {
        var project = ProjectFiles.Parse("", """
            manifest_format = "2.0"
            [deps]
            Printf = [{uuid = "de0858da-6303-5e67-8744-51eddeeeb8d7", deps = ["Unicode"]}]
            """);

        Assert.Equal("Printf de0858da-6303-5e67-8744-51eddeeeb8d7 - - [Unicode]", Entries(project.Manifest));
    }

    /// <summary>Tomlyn 2.10.2's semantic validator refuses this valid shape ("already defined"), so TomlFile does not run it.</summary>
    [Fact]
    public void Parse_TwoEntriesOfOneNameWithTableDepsThenArrayDeps_IsAccepted()
    {
        var project = ProjectFiles.Parse("", """
            [[Tools]]
            uuid = "b5c3e8a1-1111-4a2b-8c3d-0e1f2a3b4c5d"

                [Tools.deps]
                Printf = "de0858da-6303-5e67-8744-51eddeeeb8d7"

            [[Tools]]
            deps = ["Unicode"]
            uuid = "c6d4f9b2-2222-4b3c-9d4e-1f2a3b4c5d6e"
            """);

        Assert.Equal(
            """
            Tools b5c3e8a1-1111-4a2b-8c3d-0e1f2a3b4c5d - - [Printf]
            Tools c6d4f9b2-2222-4b3c-9d4e-1f2a3b4c5d6e - - [Unicode]
            """,
            Entries(project.Manifest));
    }

    [Theory]
    [InlineData("project", "[deps\n", "/work/app/Project.toml does not parse: line 1, column 6: ")]
    [InlineData("project", "name = \"App\"\nuuid = \n", "/work/app/Project.toml does not parse: line 2, column 8: Unexpected token end-of-line found while expecting a value")]
    [InlineData("project", "name = \"App\nversion = \"1\"\n", "/work/app/Project.toml does not parse: line 2, column 12: Unexpected token")]
    [InlineData("project", "[sources]\nLib = {path = \"../Lib\"}\n[sources.Lib]\nrev = \"main\"\n", "/work/app/Project.toml does not parse: Cannot extend inline table 'Lib'")]
    [InlineData("project", "deps = \"Printf\"\n", "/work/app/Project.toml, line 1: [deps] must be a table")]
    [InlineData("project", "name = 3\n", "/work/app/Project.toml, line 1: name must be a string")]
    [InlineData("project", "uuid = \"not-a-uuid\"\n", "/work/app/Project.toml, line 1: uuid is not a UUID: \"not-a-uuid\"")]
    [InlineData("project", "[deps]\nPrintf = 1\n", "/work/app/Project.toml, line 2: [deps] entry Printf must be a string")]
    [InlineData("project", "[deps]\n\n\nPrintf = \"de0858da\"\n", "/work/app/Project.toml, line 4: [deps] entry Printf is not a UUID: \"de0858da\"")]
    [InlineData("manifest", "[[Foo]]\nuuid = \n", "/work/app/Manifest.toml does not parse: line 2, column 8: Unexpected token end-of-line")]
    [InlineData("manifest", "deps = [\"A\"\n", "/work/app/Manifest.toml does not parse: line 2, column 1: Unexpected token `<eof>`")]
    [InlineData("manifest", "[[Foo]]\nversion = \"1.0.0\"\n", "/work/app/Manifest.toml, line 2: manifest entry Foo has no uuid")]
    [InlineData("manifest", "manifest_format = \"2.0\"\n\n[[deps.Foo]]\nuuid = \"de0858da-6303-5e67-8744-51eddeeeb8d7\"\n\n[[deps.Foo]]\npath = \"Foo\"\n", "/work/app/Manifest.toml, line 7: manifest entry Foo has no uuid")]
    [InlineData("manifest", "[[Foo]]\n", "/work/app/Manifest.toml, line 1: manifest entry Foo has no uuid")]
    [InlineData("manifest", "[[Foo]]\nuuid = 5\n", "/work/app/Manifest.toml, line 2: manifest entry Foo: uuid must be a string")]
    [InlineData("manifest", "[[Foo]]\nuuid = \"4ec0a83e\"\n", "/work/app/Manifest.toml, line 2: manifest entry Foo: uuid is not a UUID: \"4ec0a83e\"")]
    [InlineData("manifest", "[Foo]\nuuid = \"4ec0a83e-493e-50e2-b9ac-8f72acf5a8f5\"\n", "/work/app/Manifest.toml, line 1: manifest entry Foo must be an array of tables ([[Foo]])")]
    [InlineData("manifest", "[[Foo]]\nuuid = \"4ec0a83e-493e-50e2-b9ac-8f72acf5a8f5\"\nversion = 1\n", "/work/app/Manifest.toml, line 3: manifest entry Foo: version must be a string")]
    [InlineData("manifest", "[[Foo]]\nuuid = \"4ec0a83e-493e-50e2-b9ac-8f72acf5a8f5\"\ndeps = [1]\n", "/work/app/Manifest.toml, line 3: manifest entry Foo: deps must be an array of names or a table of name = uuid")]
    [InlineData("manifest", "[[Foo]]\nuuid = \"4ec0a83e-493e-50e2-b9ac-8f72acf5a8f5\"\n[Foo.deps]\nBar = \"x\"\n", "/work/app/Manifest.toml, line 4: manifest entry Foo: deps entry Bar is not a UUID: \"x\"")]
    [InlineData("manifest", "manifest_format = \"2.0\"\ndeps = 1\n", "/work/app/Manifest.toml, line 2: deps must be a table")]
    [InlineData("manifest", "manifest_format = \"3.0\"\n", "/work/app/Manifest.toml, line 1: manifest_format \"3.0\" is not supported (this julia-sysimage reads formats 1 and 2)")]
    public void Parse_BadFile_IsOneProjectErrorNamingTheFileAndLine(string file, string text, string expected)
    {
        var error = Assert.Throws<UserError>(() => file == "project" ? ProjectFiles.Parse(text) : ProjectFiles.Parse("", text));

        Assert.Equal(ExitCode.ProjectInvalid, error.ExitCode);
        Assert.StartsWith(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }
}
