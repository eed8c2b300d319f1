using System.Text.RegularExpressions;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Microsoft.Extensions.Hosting;

namespace WorkforceGraph.GraphQL.Conventions.Errors;

/// <summary>
/// Maps every GraphQL.NET error to the wire shape of graphql-conventions.md §2: a message and
/// <c>extensions.code</c> (plus the error's own extra extensions). GraphQL.NET's <c>codes</c>,
/// <c>number</c>, <c>data</c> and <c>details</c> never leave the server; exception details and
/// "Did you mean" suggestions only in Development.
/// </summary>
public sealed partial class ConventionsErrorInfoProvider : IErrorInfoProvider
{
    /// <summary>The message of every unexpected exception.</summary>
    public const string UnexpectedMessage = "Unexpected Execution Error";

    private readonly bool _isDevelopment;

    /// <summary>Creates the provider for the given environment.</summary>
    /// <param name="environment">Development exposes exception details and suggestions.</param>
    public ConventionsErrorInfoProvider(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        _isDevelopment = environment.IsDevelopment();
    }

    /// <inheritdoc />
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var extensions = new Dictionary<string, object?>(StringComparer.Ordinal);
        var message = executionError.Message;
        string code;

        switch (executionError)
        {
            case ICodedError coded:
                code = coded.Code;
                CopyExtra(coded.ExtraExtensions, extensions);
                break;
            case SyntaxError:
                code = ErrorCodes.SyntaxError;
                break;
            case InvalidVariableError:
                // §9: coercion failures are HC0001 unless a scalar threw its own coded error.
                if (FindCoded(executionError.InnerException) is { } inner)
                {
                    code = inner.Code;
                    message = ((Exception)inner).Message;
                    CopyExtra(inner.ExtraExtensions, extensions);
                }
                else
                {
                    code = ErrorCodes.InputCoercion;
                    message = StripSuggestions(message);
                }

                break;
            case ValidationError:
            case InvalidOperationNameError:
            case NoOperationNameError:
            case NoOperationError:
            case InvalidOperationError:
                code = ErrorCodes.ValidationFailed;
                message = StripSuggestions(message);
                break;
            case TimeoutError:
                code = ErrorCodes.ExecutionTimeout;
                message = "The request exceeded the configured execution timeout.";
                break;
            case UnhandledError:
                code = ErrorCodes.UnexpectedExecutionError;
                message = UnexpectedMessage;
                if (_isDevelopment && executionError.InnerException is { } exception)
                {
                    extensions["message"] = exception.Message;
                    extensions["stackTrace"] = exception.ToString();
                }

                break;
            default:
                if (FindCoded(executionError.InnerException) is { } innerCoded)
                {
                    code = innerCoded.Code;
                    message = ((Exception)innerCoded).Message;
                    CopyExtra(innerCoded.ExtraExtensions, extensions);
                }
                else if (executionError.InnerException is not null)
                {
                    // An ExecutionError wrapping an arbitrary exception: treat as unexpected.
                    code = ErrorCodes.UnexpectedExecutionError;
                    message = UnexpectedMessage;
                }
                else
                {
                    code = ErrorCodes.ExecutionError;
                }

                break;
        }

        var ordered = new Dictionary<string, object?>(StringComparer.Ordinal) { ["code"] = code };
        foreach (var (key, value) in extensions)
        {
            ordered[key] = value;
        }

        return new ErrorInfo { Message = message, Extensions = ordered };
    }

    private string StripSuggestions(string message) =>
        _isDevelopment ? message : SuggestionPattern().Replace(message, string.Empty);

    private static ICodedError? FindCoded(Exception? exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is ICodedError coded)
            {
                return coded;
            }
        }

        return null;
    }

    private static void CopyExtra(IReadOnlyDictionary<string, object?>? extra, Dictionary<string, object?> target)
    {
        if (extra is null)
        {
            return;
        }

        foreach (var (key, value) in extra)
        {
            if (!string.Equals(key, "code", StringComparison.Ordinal))
            {
                target[key] = value;
            }
        }
    }

    [GeneratedRegex(@"\s*Did you mean [^?]*\?", RegexOptions.CultureInvariant)]
    private static partial Regex SuggestionPattern();
}
