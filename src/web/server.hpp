#pragma once

namespace hs::web {

class App;

// Serves HTTP/1.1 and WebSocket on app.config.listen with one thread per core until
// SIGINT or SIGTERM, then stops accepting, lets requests in flight finish (10 s at most)
// and returns.
void serve(App& app);

}  // namespace hs::web
