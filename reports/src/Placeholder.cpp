// Replaced as soon as the first report source lands (a static library needs one source).
namespace kartbok::reports {}
