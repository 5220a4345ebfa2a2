using System.Text.Json;

namespace JuliaNet.Serialization;

/// <summary>Reads one property's value; the reader is on the value and must be left on its last token.</summary>
public delegate void JsonPropertyReader(string name, ref Utf8JsonReader reader);

/// <summary>Reads one array item; the reader is on the item and must be left on its last token.</summary>
public delegate void JsonItemReader(ref Utf8JsonReader reader);

/// <summary>
/// The forward-only walks over JSON that julia-net's own readers share (image metadata at every
/// launch, juliaup.json): a document that is exactly one object, an object's properties, an
/// array's items. Each reader keeps its own fields and its own error (<paramref name="invalid"/>
/// turns a reason into the exception it throws).
/// </summary>
public static class JsonObjects
{
    /// <summary>A document that is one JSON object and nothing after it, its properties read by <paramref name="property"/>.</summary>
    public static void ReadDocument(ref Utf8JsonReader reader, Func<string, Exception> invalid, JsonPropertyReader property)
    {
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            throw invalid("not a JSON object");
        }

        ReadProperties(ref reader, property);
        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            throw invalid("not one JSON object");
        }
    }

    /// <summary>The properties of the object the reader is on, in order (a later duplicate is read again).</summary>
    public static void ReadProperties(ref Utf8JsonReader reader, JsonPropertyReader property)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            reader.Read();
            property(name, ref reader);
        }
    }

    /// <summary>The items of the array the reader is on; anything but an array is <paramref name="notArray"/>.</summary>
    public static void ReadArray(ref Utf8JsonReader reader, Func<Exception> notArray, JsonItemReader item)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw notArray();
        }

        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            item(ref reader);
        }
    }
}
