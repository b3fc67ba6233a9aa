#include <careerpath/careerpath.hpp>

#include <iostream>

int main() {
    auto c = careerpath::Curriculum::load(
        R"({"id": "x", "levels": ["none", "beginner"], "skills": [{"id": "a", "hours": 1}]})");
    if (!c || c.value().graph().unit_count() != 1) return 1;
    std::cout << "consumer_cpp: careerpath " << careerpath::version_string << " ok\n";
    return 0;
}
