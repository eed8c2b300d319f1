using Microsoft.AspNetCore.Http;

namespace WorkforceGraph.Features.Security;

/// <summary>
/// The request's <see cref="Caller"/> (scoped), read from the principal the host authenticated. There is no
/// fallback: a request that reaches data without a valid caller fails closed.
/// </summary>
public sealed class CurrentCaller(IHttpContextAccessor accessor)
{
    private Caller? _caller;

    public Caller Value => _caller ??= Read();

    private Caller Read()
    {
        var principal = accessor.HttpContext?.User;
        return Caller.TryFrom(principal, out var caller, out var error)
            ? caller
            : throw new InvalidOperationException($"The request has no valid caller ({error}); the host must authenticate before GraphQL runs.");
    }
}
