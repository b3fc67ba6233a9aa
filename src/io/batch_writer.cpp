// A batch's error line written out (careerpath/batch.hpp, plan_line).
#include "batch_writer.hpp"

#include "json_writer.hpp"

CAREERPATH_NAMESPACE_BEGIN

std::string io::error_line(std::size_t line_number, const Error &e) {
    std::string text;
    detail::JsonWriter w(text);
    w.begin_object();
    w.key("error");
    w.begin_object();
    w.member("line", line_number);
    w.member("message", e.message);
    w.member("pointer", e.pointer);
    w.member("status", status_name(e.status));
    w.end_object();
    w.member("schema_version", schema_version);
    w.end_object();
    return text;
}

CAREERPATH_NAMESPACE_END
