namespace WorkforceGraph.Features.Integration;

/// <summary>
/// One rejected record of a batch (graphql-conventions.md §8): its 0-based position in the input, a stable
/// upper-snake code (§2), a message for people and the input field at fault (null for the whole record). Messages
/// never repeat an ID number or a phone.
/// </summary>
public sealed record RecordError(int Index, string Code, string Message, string? Field);

/// <summary>The <c>RecordError</c> codes (graphql-conventions.md §2, "Domain codes").</summary>
public static class RecordCodes
{
    public const string InvalidIdNumber = "INVALID_ID_NUMBER";
    public const string IdNumberMismatch = "ID_NUMBER_MISMATCH";
    public const string InvalidDivisionCode = "INVALID_DIVISION_CODE";
    public const string UnknownCommunity = "UNKNOWN_COMMUNITY";
    public const string UnknownRegion = "UNKNOWN_REGION";
    public const string UnknownWorker = "UNKNOWN_WORKER";
    public const string UnknownTraining = "UNKNOWN_TRAINING";
    public const string UnknownGradeScheme = "UNKNOWN_GRADE_SCHEME";
    public const string DuplicateInBatch = "DUPLICATE_IN_BATCH";
    public const string GradeOutOfRange = "GRADE_OUT_OF_RANGE";
    public const string InvalidValue = "INVALID_VALUE";
    public const string OutOfScope = "OUT_OF_SCOPE";
    public const string InUse = "IN_USE";
    public const string LimitExceeded = "LIMIT_EXCEEDED";
}

/// <summary>The checks of one record: collects its errors, in the order found.</summary>
public sealed class RecordCheck(int index, List<RecordError> errors)
{
    private int _count;

    public int Index => index;

    /// <summary>Whether any check of this record failed.</summary>
    public bool Failed => _count > 0;

    public void Fail(string code, string? field, string message)
    {
        errors.Add(new RecordError(index, code, message, field));
        _count++;
    }

    /// <summary>Fails with INVALID_VALUE when a required field is missing (files may leave out what GraphQL requires).</summary>
    public bool Required<T>(T? value, string field)
    {
        if (value is null || (value is string text && string.IsNullOrWhiteSpace(text)))
        {
            Fail(RecordCodes.InvalidValue, field, $"`{field}` is required.");
            return false;
        }

        return true;
    }

    /// <summary>Fails with INVALID_VALUE when a text is longer than the column.</summary>
    public void MaxLength(string? value, int length, string field)
    {
        if (value is not null && value.Length > length)
        {
            Fail(RecordCodes.InvalidValue, field, $"`{field}` is longer than {length} characters.");
        }
    }

    /// <summary>Fails with INVALID_VALUE when a number is outside [min, max].</summary>
    public void Range(decimal? value, decimal min, decimal max, string field)
    {
        if (value is { } v && (v < min || v > max))
        {
            Fail(RecordCodes.InvalidValue, field, $"`{field}` must be between {min} and {max}.");
        }
    }
}
