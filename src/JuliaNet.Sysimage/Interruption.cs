using System.Runtime.InteropServices;

namespace JuliaNet.Sysimage;

/// <summary>
/// Ctrl-C and SIGTERM, while it lives, cancel <see cref="Token"/> instead of ending the process:
/// the running step is stopped and the build directory removed, OUTPUT untouched (exit 130).
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource cancel = new();
    private readonly PosixSignalRegistration sigint;
    private readonly PosixSignalRegistration sigterm;

    public Interruption()
    {
        sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Cancel);
        sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Cancel);
    }

    public CancellationToken Token => cancel.Token;

    public void Dispose()
    {
        sigint.Dispose();
        sigterm.Dispose();
        cancel.Dispose();
    }

    private void Cancel(PosixSignalContext context)
    {
        context.Cancel = true;
        cancel.Cancel();
    }
}
