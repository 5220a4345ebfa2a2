namespace JuliaNet.Paths;

/// <summary>What julia-net needs to know of a directory it keeps caches in (from lstat, or stat for the root).</summary>
public sealed record DirectoryStatus(bool IsSymlink, bool IsDirectory, uint Owner, int Mode)
{
    private const int GroupOrOtherWrite = 0b000_010_010; // 0o022

    /// <summary>
    /// Why the directory is not safe to keep caches in, or null when it is: it must be a real
    /// directory (not a symlink someone planted), owned by the user, and writable by no one else.
    /// </summary>
    public string? Problem(string path, uint user) =>
        IsSymlink ? $"{path} is a symlink"
        : !IsDirectory ? $"{path} is not a directory"
        : Owner != user ? $"{path} is owned by another user (uid {Owner})"
        : (Mode & GroupOrOtherWrite) != 0 ? $"{path} is writable by others (mode {Convert.ToString(Mode & 0xFFF, 8)})"
        : null;
}
