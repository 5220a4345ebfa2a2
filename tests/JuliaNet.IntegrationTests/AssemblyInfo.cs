// The integration tests run the real Unix binaries (execv, file modes, symlinks).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
