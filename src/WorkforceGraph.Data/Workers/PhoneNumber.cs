namespace WorkforceGraph.Data.Workers;

/// <summary>Masking of phone numbers (sensitive personal information, PIPL art. 28).</summary>
public static class PhoneNumber
{
    /// <summary>Masks a phone number: first 3 and last 4 characters kept (138****5678).</summary>
    public static string Mask(string phone) =>
        phone.Length <= 7 ? new string('*', phone.Length) : string.Concat(phone.AsSpan(0, 3), new string('*', phone.Length - 7), phone.AsSpan(phone.Length - 4));
}
