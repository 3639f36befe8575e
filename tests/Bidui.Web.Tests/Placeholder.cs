// Placeholder so the project builds; replaced by its first real file.
namespace Bidui.Web.Tests;
