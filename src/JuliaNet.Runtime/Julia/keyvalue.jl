# keyvalue.jl — the Julia side of the `key=value` text that crosses the boundary between the
# tools and the Julia they run (Julia 1.5 – 1.12); the C# side is KeyValueText
# (src/JuliaNet.Core/Serialization/KeyValueText.cs), which documents the format. A value's
# backslashes, newlines and carriage returns are escaped (\\, \n, \r), so any value survives;
# reading is Base's unescape_string (params.jl), which undoes exactly that.
# probe.jl is run with this file's text before its own; build_image.jl includes it.

kv_escape(value) = replace(replace(replace(string(value), '\\' => "\\\\"), '\n' => "\\n"), '\r' => "\\r")

kv_line(io::IO, key::AbstractString, value) = println(io, key, '=', kv_escape(value))
