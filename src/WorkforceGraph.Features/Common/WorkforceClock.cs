namespace WorkforceGraph.Features.Common;

/// <summary>
/// "Today" for every rule, from the injectable <see cref="TimeProvider"/> (tests pin it), in China Standard
/// Time (UTC+8, no daylight saving), the calendar the policy's years and dates are kept in.
/// </summary>
public sealed class WorkforceClock(TimeProvider time)
{
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    /// <summary>Today's date in China.</summary>
    public DateOnly Today => DateOnly.FromDateTime(time.GetUtcNow().ToOffset(ChinaOffset).DateTime);
}
