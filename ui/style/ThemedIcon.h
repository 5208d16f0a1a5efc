#pragma once

#include <QIcon>
#include <QString>

namespace tb::ui {

// The console's icon set (resources/icons/*.svg, one stroke style): drawn in the palette's text colour
// at paint time, so the same icon is sharp at 200 % and readable in the light and the dark palette.
class ThemedIcon
{
public:
    // name: the file name in resources/icons without ".svg"; an unknown name gives a null icon.
    static QIcon get(const QString& name);
    static bool exists(const QString& name);
};

} // namespace tb::ui
