using GraphQL;
using Microsoft.AspNetCore.Http;

namespace WorkforceGraph.GraphQL.Conventions.Http;

/// <summary>
/// A hook that tailors each GraphQL request; register any number as scoped or singleton services
/// (<c>services.AddGraphQLRequestConfigurator&lt;T&gt;()</c>). They run in registration order
/// after the request is parsed and before it executes, so authentication, limits, diagnostics and
/// persisted operations plug in without changing the transport.
/// </summary>
/// <remarks>
/// On entry <see cref="ExecutionOptions.Schema"/>, <see cref="ExecutionOptions.Query"/>,
/// <see cref="ExecutionOptions.OperationName"/>, <see cref="ExecutionOptions.Variables"/>,
/// <see cref="ExecutionOptions.Extensions"/>, <see cref="ExecutionOptions.DocumentId"/>,
/// <see cref="ExecutionOptions.User"/>, <see cref="ExecutionOptions.RequestServices"/>,
/// <see cref="ExecutionOptions.CancellationToken"/>, <see cref="ExecutionOptions.Timeout"/>,
/// <see cref="ExecutionOptions.ValidationRules"/> (the core rules, the §11 limit rules, and the GET rule on GET) and
/// <see cref="ExecutionOptions.CachedDocumentValidationRules"/> (the rules that depend on the method, the caller or the
/// variables, which a document cache must still run) are set; add to the lists rather than replace them, and put a
/// rule that depends on anything but the document text in both.
/// A document seen before skips parsing and <see cref="ExecutionOptions.ValidationRules"/>
/// (<see cref="Execution.ValidatedDocumentCache"/>) and runs only <see cref="ExecutionOptions.CachedDocumentValidationRules"/>.
/// To refuse a request (e.g. 401), throw <see cref="GraphQLRequestRejectedException"/>.
/// A configurator may fill <see cref="ExecutionOptions.Query"/> (persisted operations): the
/// missing-query check runs after all configurators.
/// </remarks>
public interface IGraphQLRequestConfigurator
{
    /// <summary>Adjusts the execution options of one request.</summary>
    /// <param name="options">The options the request will execute with.</param>
    /// <param name="httpContext">The HTTP request.</param>
    ValueTask ConfigureAsync(ExecutionOptions options, HttpContext httpContext);

    /// <summary>
    /// Called with the result before it is written (also when nothing executed), e.g. to add
    /// <c>extensions.diagnostics</c>. Does nothing by default.
    /// </summary>
    /// <param name="result">The result about to be written.</param>
    /// <param name="httpContext">The HTTP request.</param>
    ValueTask OnResultAsync(ExecutionResult result, HttpContext httpContext) => ValueTask.CompletedTask;
}
