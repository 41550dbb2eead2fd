namespace Buurtzorg.Contracts.Geography;

/// <summary>A point on the map, in degrees (WGS84).</summary>
[GenerateSerializer, Immutable, Alias("Buurtzorg.Geography.GeoPoint")]
public readonly record struct GeoPoint(
    [property: Id(0)] double Latitude,
    [property: Id(1)] double Longitude)
{
    private const double EarthRadiusKm = 6371.0;

    /// <summary>
    /// Distance in km by the equirectangular approximation: within a neighbourhood (a few km) it
    /// is within a fraction of a percent of the great-circle distance, and much cheaper.
    /// </summary>
    public double KmTo(GeoPoint other)
    {
        var meanLatitude = (Latitude + other.Latitude) / 2 * Math.PI / 180;
        var x = (other.Longitude - Longitude) * Math.PI / 180 * Math.Cos(meanLatitude);
        var y = (other.Latitude - Latitude) * Math.PI / 180;
        return Math.Sqrt(x * x + y * y) * EarthRadiusKm;
    }

    /// <summary>Whether the point lies in the European Netherlands (a generous bounding box).</summary>
    public bool IsInTheNetherlands => Latitude is >= 50.7 and <= 53.7 && Longitude is >= 3.3 and <= 7.3;
}
