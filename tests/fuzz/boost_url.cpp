// Boost.URL compiled into the fuzz target itself (its header-only build), so libFuzzer's
// coverage and the sanitizers see inside the parser that web/parse.cpp calls.
#include <boost/url/src.hpp>
