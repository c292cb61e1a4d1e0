/// The version of pakessay: reports carry it, and the same input, rubric and version give the same bytes.
public enum PakEssayVersion {
    /// The version string.
    public static let string = "0.1.0"
}
