using Buurtzorg.Contracts.Geography;

namespace Buurtzorg.Demo;

/// <summary>A neighbourhood of a Dutch city, with the approximate coordinates of its centre.</summary>
public sealed record Neighbourhood(string City, string Name, GeoPoint Centre)
{
    /// <summary>The province, used as the team's region in the capacity overview.</summary>
    public string Region => City switch
    {
        "Utrecht" or "Amersfoort" or "Zeist" or "Houten" => "Utrecht",
        "Amsterdam" or "Haarlem" => "Noord-Holland",
        "Rotterdam" or "Den Haag" or "Leiden" => "Zuid-Holland",
        "Eindhoven" or "Breda" or "Tilburg" => "Noord-Brabant",
        "Zwolle" or "Enschede" => "Overijssel",
        "Arnhem" or "Nijmegen" => "Gelderland",
        "Maastricht" => "Limburg",
        "Leeuwarden" => "Friesland",
        _ => City,
    };
}

/// <summary>
/// Real Dutch neighbourhoods (approximate centres), so generated addresses fall inside real
/// city areas. Teams beyond this list reuse a neighbourhood with a number, as a split would.
/// </summary>
public static class DemoGeography
{
    public static IReadOnlyList<Neighbourhood> Neighbourhoods { get; } =
    [
        new("Utrecht", "Lombok", new(52.0928, 5.1010)),
        new("Utrecht", "Overvecht", new(52.1155, 5.1125)),
        new("Utrecht", "Wittevrouwen", new(52.0955, 5.1335)),
        new("Utrecht", "Kanaleneiland", new(52.0735, 5.0990)),
        new("Amersfoort", "Vathorst", new(52.1925, 5.4300)),
        new("Amersfoort", "Schothorst", new(52.1730, 5.4050)),
        new("Zeist", "Centrum", new(52.0890, 5.2330)),
        new("Houten", "Noord", new(52.0400, 5.1680)),
        new("Amsterdam", "De Pijp", new(52.3540, 4.8940)),
        new("Amsterdam", "Bos en Lommer", new(52.3790, 4.8470)),
        new("Amsterdam", "Watergraafsmeer", new(52.3550, 4.9350)),
        new("Rotterdam", "Kralingen", new(51.9250, 4.5080)),
        new("Rotterdam", "Feijenoord", new(51.9040, 4.4950)),
        new("Rotterdam", "Hillegersberg", new(51.9500, 4.4900)),
        new("Den Haag", "Duinoord", new(52.0850, 4.2900)),
        new("Den Haag", "Laak", new(52.0650, 4.3250)),
        new("Eindhoven", "Woensel", new(51.4600, 5.4700)),
        new("Eindhoven", "Strijp", new(51.4430, 5.4550)),
        new("Groningen", "Oosterpoort", new(53.2110, 6.5750)),
        new("Groningen", "Selwerd", new(53.2320, 6.5580)),
        new("Zwolle", "Assendorp", new(52.5050, 6.1000)),
        new("Arnhem", "Presikhaaf", new(51.9920, 5.9380)),
        new("Nijmegen", "Oost", new(51.8400, 5.8800)),
        new("Enschede", "Roombeek", new(52.2300, 6.8900)),
        new("Maastricht", "Wyck", new(50.8480, 5.6970)),
        new("Leeuwarden", "Huizum", new(53.1900, 5.8100)),
        new("Haarlem", "Schalkwijk", new(52.3650, 4.6580)),
        new("Leiden", "Merenwijk", new(52.1750, 4.5030)),
        new("Breda", "Princenhage", new(51.5830, 4.7350)),
        new("Tilburg", "Reeshof", new(51.5700, 5.0000)),
    ];
}
