namespace JuliaNet.Julia;

/// <summary>
/// The cached <see cref="JuliaInfo"/> of one Julia binary, with the identity (resolved
/// path, size, modification time) that says whether it still describes that binary.
/// </summary>
public sealed record JuliaInfoRecord(string RealPath, long Size, long ModifiedTicks, JuliaInfo Info)
{
    public bool Describes(string realPath, long size, long modifiedTicks) =>
        RealPath == realPath && Size == size && ModifiedTicks == modifiedTicks;
}
