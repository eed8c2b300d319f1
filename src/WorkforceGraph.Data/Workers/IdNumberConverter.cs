using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace WorkforceGraph.Data.Workers;

/// <summary>Stores an <see cref="IdNumber"/> as its 18 characters; reading validates through the same Parse.</summary>
public sealed class IdNumberConverter() : ValueConverter<IdNumber, string>(id => id.Unmasked, text => IdNumber.Parse(text));
