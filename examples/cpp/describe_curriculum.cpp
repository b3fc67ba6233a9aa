// Embedding careerpath from C++: load a curriculum, walk its roles and the unit graph.
#include <careerpath/careerpath.hpp>

#include <fstream>
#include <iostream>
#include <iterator>
#include <string>

int main(int argc, char **argv) {
    const std::string path = argc > 1 ? argv[1] : "examples/data/engineering-growth.json";
    std::ifstream in(path, std::ios::binary);
    const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};

    auto loaded = careerpath::Curriculum::load(text);
    if (!loaded) {
        const careerpath::Error &e = loaded.error();
        std::cerr << path << ": " << careerpath::status_name(e.status) << " at " << e.pointer << ": "
                  << e.message << "\n";
        return 1;
    }
    const careerpath::Curriculum &c = loaded.value();
    std::cout << c.title() << ": " << c.skills().size() << " skills, " << c.graph().unit_count()
              << " units\n";
    for (const careerpath::Role &role : c.roles()) {
        double hours = 0;  // effort from nothing to the role, ignoring what anyone already holds
        for (const auto &req : role.requirements)
            for (careerpath::Level l = 1; l <= req.level; ++l) hours += c.unit_hours({req.skill, l});
        std::cout << "  " << role.id << ": " << role.requirements.size() << " skills, " << hours
                  << " hours from scratch\n";
    }
    // The first units in learning order: each comes after everything it requires.
    std::cout << "  learning order starts:";
    const auto order = c.graph().topological_order();
    for (std::size_t i = 0; i < order.size() && i < 5; ++i) std::cout << " " << c.unit_name(c.graph().unit(order[i]));
    std::cout << "\n";
    return 0;
}
