using Buurtzorg.Contracts.Geography;

namespace Buurtzorg.Demo;

/// <summary>
/// A neighbourhood of a Dutch city, with the approximate coordinates of its centre and the
/// four-digit postcode areas it lies in (<paramref name="PostcodeFrom"/> to <paramref name="PostcodeTo"/>),
/// so an address in Utrecht has a Utrecht postcode (35xx).
/// </summary>
public sealed record Neighbourhood(string City, string Name, GeoPoint Centre, int PostcodeFrom, int PostcodeTo)
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
/// Real Dutch neighbourhoods (approximate centres and postcode areas), so generated addresses
/// fall inside real city areas. Teams beyond this list reuse a neighbourhood with a number, as a split would.
/// </summary>
public static class DemoGeography
{
    public static IReadOnlyList<Neighbourhood> Neighbourhoods { get; } =
    [
        new("Utrecht", "Lombok", new(52.0928, 5.1010), 3531, 3531),
        new("Utrecht", "Overvecht", new(52.1155, 5.1125), 3561, 3564),
        new("Utrecht", "Wittevrouwen", new(52.0955, 5.1335), 3572, 3572),
        new("Utrecht", "Kanaleneiland", new(52.0735, 5.0990), 3525, 3527),
        new("Amersfoort", "Vathorst", new(52.1925, 5.4300), 3825, 3825),
        new("Amersfoort", "Schothorst", new(52.1730, 5.4050), 3817, 3817),
        new("Zeist", "Centrum", new(52.0890, 5.2330), 3701, 3703),
        new("Houten", "Noord", new(52.0400, 5.1680), 3991, 3992),
        new("Amsterdam", "De Pijp", new(52.3540, 4.8940), 1072, 1074),
        new("Amsterdam", "Bos en Lommer", new(52.3790, 4.8470), 1055, 1056),
        new("Amsterdam", "Watergraafsmeer", new(52.3550, 4.9350), 1097, 1098),
        new("Rotterdam", "Kralingen", new(51.9250, 4.5080), 3062, 3063),
        new("Rotterdam", "Feijenoord", new(51.9040, 4.4950), 3071, 3072),
        new("Rotterdam", "Hillegersberg", new(51.9500, 4.4900), 3054, 3055),
        new("Den Haag", "Duinoord", new(52.0850, 4.2900), 2518, 2518),
        new("Den Haag", "Laak", new(52.0650, 4.3250), 2521, 2525),
        new("Eindhoven", "Woensel", new(51.4600, 5.4700), 5621, 5625),
        new("Eindhoven", "Strijp", new(51.4430, 5.4550), 5616, 5617),
        new("Groningen", "Oosterpoort", new(53.2110, 6.5750), 9724, 9724),
        new("Groningen", "Selwerd", new(53.2320, 6.5580), 9741, 9741),
        new("Zwolle", "Assendorp", new(52.5050, 6.1000), 8012, 8012),
        new("Arnhem", "Presikhaaf", new(51.9920, 5.9380), 6826, 6826),
        new("Nijmegen", "Oost", new(51.8400, 5.8800), 6522, 6523),
        new("Enschede", "Roombeek", new(52.2300, 6.8900), 7523, 7523),
        new("Maastricht", "Wyck", new(50.8480, 5.6970), 6221, 6221),
        new("Leeuwarden", "Huizum", new(53.1900, 5.8100), 8921, 8925),
        new("Haarlem", "Schalkwijk", new(52.3650, 4.6580), 2034, 2037),
        new("Leiden", "Merenwijk", new(52.1750, 4.5030), 2317, 2317),
        new("Breda", "Princenhage", new(51.5830, 4.7350), 4835, 4839),
        new("Tilburg", "Reeshof", new(51.5700, 5.0000), 5032, 5036),
    ];
}
