#include "web/router.hpp"

#include <gtest/gtest.h>

#include "web/app.hpp"
#include "web/parse.hpp"

namespace hs::web {

TEST(Router, MatchesParamsAndMethods) {
  Router r;
  r.get("/spaces/{slug}", [](Context&) { return Response{}; });
  r.post("/spaces/{slug}/join", [](Context&) { return Response{}; }, {.body_limit = 4096});
  r.get("/static/{*path}", [](Context&) { return Response{}; });

  auto m = r.match("GET", "/spaces/river-room");
  ASSERT_TRUE(m.route);
  EXPECT_EQ(find(m.params, "slug"), "river-room");
  EXPECT_TRUE(r.match("HEAD", "/spaces/river-room").route);

  auto wrong = r.match("POST", "/spaces/river-room");
  EXPECT_FALSE(wrong.route);
  EXPECT_EQ(wrong.allow, "GET, HEAD");

  EXPECT_FALSE(r.match("GET", "/spaces/").route);
  EXPECT_FALSE(r.match("GET", "/spaces/a/b").route);

  auto st = r.match("GET", "/static/build/fonts/a.woff2");
  ASSERT_TRUE(st.route);
  EXPECT_EQ(find(st.params, "path"), "build/fonts/a.woff2");

  EXPECT_EQ(r.body_limit("POST", "/spaces/x/join", 1 << 20), 4096u);
  EXPECT_EQ(r.body_limit("POST", "/nowhere", 1 << 20), 1u << 20);
}

TEST(Router, WebSocketRoutesOnlyMatchUpgrades) {
  Router r;
  r.ws("/live/{topic}", [](Context&) -> Result<std::string> { return std::string("t"); });
  EXPECT_FALSE(r.match("GET", "/live/x").route);
  EXPECT_TRUE(r.match("GET", "/live/x", true).route);
}

TEST(HttpStatus, OneMapForEveryCode) {
  EXPECT_EQ(http_status(ErrorCode::invalid), 422);
  EXPECT_EQ(http_status(ErrorCode::unauthenticated), 401);
  EXPECT_EQ(http_status(ErrorCode::forbidden), 403);
  EXPECT_EQ(http_status(ErrorCode::not_found), 404);
  EXPECT_EQ(http_status(ErrorCode::conflict), 409);
  EXPECT_EQ(http_status(ErrorCode::rate_limited), 429);
  EXPECT_EQ(http_status(ErrorCode::unavailable), 503);
}

}  // namespace hs::web
