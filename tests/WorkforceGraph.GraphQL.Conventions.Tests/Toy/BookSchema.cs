using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using WorkforceGraph.GraphQL.Conventions.Errors;
using WorkforceGraph.GraphQL.Conventions.Scalars;

namespace WorkforceGraph.GraphQL.Conventions.Tests.Toy;

// A toy library schema: enough kinds (object, interface, union, input, enum, scalars) to exercise
// the transport and the SDL printer without any domain type.

public sealed record Author(int Id, string Name);

public sealed record Book(int Id, string Title, int AuthorId, Genre Genre, DateOnly Published, DateTime AddedAt, decimal Price);

public enum Genre
{
    Fiction,
    Poetry,
}

public static class Library
{
    public static readonly Author[] Authors = [new(1, "Ursula K. Le Guin"), new(2, "Wisława Szymborska")];

    public static readonly Book[] Books =
    [
        new(1, "The Dispossessed", 1, Genre.Fiction, new DateOnly(1974, 5, 1), new DateTime(2025, 3, 1, 8, 30, 0, DateTimeKind.Utc), 12.50m),
        new(2, "View with a Grain of Sand", 2, Genre.Poetry, new DateOnly(1995, 9, 1), new DateTime(2025, 3, 1, 8, 30, 0, 125, DateTimeKind.Utc), 9m),
    ];
}

public sealed class BookSchema : Schema
{
    public BookSchema(IServiceProvider services)
        : base(services)
    {
        Query = services.GetRequiredService<LibraryQuery>();
        Mutation = services.GetRequiredService<LibraryMutation>();
    }
}

public sealed class NodeGraphType : InterfaceGraphType
{
    public NodeGraphType()
    {
        Name = "Node";
        Description = "An object with an id.";
        Field<NonNullGraphType<IntGraphType>>("id").Description("The id.");
    }
}

public sealed class GenreGraphType : EnumerationGraphType<Genre>
{
    public GenreGraphType()
    {
        Name = "Genre";
        Description = "What kind of book.";
    }
}

public sealed class AuthorGraphType : ObjectGraphType<Author>
{
    public AuthorGraphType()
    {
        Name = "Author";
        Description = "Someone who writes books.";
        Interface<NodeGraphType>();
        Field(a => a.Id).Description("The id.");
        Field(a => a.Name).Description("Full name.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookGraphType>>>>("books")
            .Description("Books by this author.")
            .Resolve(ctx => Library.Books.Where(b => b.AuthorId == ctx.Source.Id));
    }
}

public sealed class BookGraphType : ObjectGraphType<Book>
{
    public BookGraphType()
    {
        Name = "Book";
        Description = "A book.\nShelved by title.";
        Interface<NodeGraphType>();
        Field(b => b.Id).Description("The id.");
        Field(b => b.Title).Description("Title as printed.");
        Field<NonNullGraphType<GenreGraphType>>("genre").Description("Its genre.").Resolve(ctx => ctx.Source.Genre);
        Field(b => b.Published).Description("First publication date.");
        Field(b => b.AddedAt).Description("When the library got it.");
        Field(b => b.Price).Description("Price in euros.");
        Field<NonNullGraphType<AuthorGraphType>>("author")
            .Description("Who wrote it.")
            .Resolve(ctx => Library.Authors.Single(a => a.Id == ctx.Source.AuthorId));
    }
}

public sealed class SearchResultGraphType : UnionGraphType
{
    public SearchResultGraphType()
    {
        Name = "SearchResult";
        Description = "A book or an author.";
        Type<BookGraphType>();
        Type<AuthorGraphType>();
    }
}

public sealed class AddBookInputGraphType : InputObjectGraphType
{
    public AddBookInputGraphType()
    {
        Name = "AddBookInput";
        Description = "A new book.";
        Field<NonNullGraphType<StringGraphType>>("title").Description("Title as printed.");
        Field<NonNullGraphType<DateScalarType>>("published").Description("First publication date.");
        Field<IntGraphType>("copies").Description("Copies bought.").DefaultValue(1);
    }
}

public sealed class LibraryQuery : ObjectGraphType
{
    public LibraryQuery()
    {
        Name = "Query";
        Description = "Reads.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<BookGraphType>>>>("books")
            .Description("All books.")
            .Resolve(_ => Library.Books);
        Field<BookGraphType>("book")
            .Description("One book by id.")
            .Argument<NonNullGraphType<IntGraphType>>("id", "The id.")
            .Resolve(ctx => Library.Books.SingleOrDefault(b => b.Id == ctx.GetArgument<int>("id")));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<SearchResultGraphType>>>>("search")
            .Argument<NonNullGraphType<StringGraphType>>("text")
            .Argument<IntGraphType>("first", a => a.DefaultValue = 10)
            .Resolve(ctx => Library.Books.Where(b => b.Title.Contains(ctx.GetArgument<string>("text"), StringComparison.Ordinal)));
        Field<DateTimeScalarType>("echoDateTime")
            .Description("Returns its argument.")
            .Argument<NonNullGraphType<DateTimeScalarType>>("value")
            .Resolve(ctx => ctx.GetArgument<DateTime>("value"));
        Field<DecimalScalarType>("echoDecimal")
            .Argument<NonNullGraphType<DecimalScalarType>>("value")
            .Resolve(ctx => ctx.GetArgument<decimal>("value"));
        Field<StringGraphType>("boom")
            .Description("Always fails unexpectedly.")
            .Argument<StringGraphType>("note", "Ignored; lets tests send a variable.")
            .Resolve(_ => throw new InvalidOperationException("Shelf 7 collapsed"));
        Field<StringGraphType>("refused")
            .Description("Always fails with a domain code.")
            .Resolve(_ => throw new CodedExecutionError("SHELF_CLOSED", "The shelf is closed.").WithExtension("shelf", 7));
    }
}

public sealed class LibraryMutation : ObjectGraphType
{
    public LibraryMutation()
    {
        Name = "Mutation";
        Description = "Writes.";
        Field<NonNullGraphType<BookGraphType>>("addBook")
            .Description("Adds a book (not kept).")
            .Argument<NonNullGraphType<AddBookInputGraphType>>("input")
            .Resolve(ctx => new Book(3, ctx.GetArgument<Dictionary<string, object?>>("input")["title"]!.ToString()!, 1, Genre.Fiction, new DateOnly(2020, 1, 1), DateTime.UnixEpoch, 1m));
    }
}
