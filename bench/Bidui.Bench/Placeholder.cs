// Placeholder so the project builds; replaced by its first real file.
namespace Bidui.Bench;
internal static class Program { private static int Main() => 0; }
