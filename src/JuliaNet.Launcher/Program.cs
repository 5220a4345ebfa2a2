using JuliaNet.Launcher;
using JuliaNet.Runtime;

var debug = false;
return ToolMain.Run("julia-net", () => Launch.Run(args, on => debug = on), () => debug);
