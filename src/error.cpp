#include <careerpath/error.hpp>

CAREERPATH_NAMESPACE_BEGIN

const char *status_name(Status status) noexcept {
    switch (status) {
    case Status::ok: return "CAREERPATH_OK";
    case Status::argument: return "CAREERPATH_ERR_ARGUMENT";
    case Status::parse: return "CAREERPATH_ERR_PARSE";
    case Status::schema: return "CAREERPATH_ERR_SCHEMA";
    case Status::reference: return "CAREERPATH_ERR_REFERENCE";
    case Status::cycle: return "CAREERPATH_ERR_CYCLE";
    case Status::infeasible: return "CAREERPATH_ERR_INFEASIBLE";
    case Status::limit: return "CAREERPATH_ERR_LIMIT";
    case Status::memory: return "CAREERPATH_ERR_MEMORY";
    case Status::cancelled: return "CAREERPATH_ERR_CANCELLED";
    case Status::internal: return "CAREERPATH_ERR_INTERNAL";
    }
    return "CAREERPATH_UNKNOWN_STATUS";
}

CAREERPATH_NAMESPACE_END
